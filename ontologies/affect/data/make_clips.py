#!/usr/bin/env python3
"""Writes clips.jsonl, the affect example dataset (see README.md beside it).

48 utterance clips from recorded customer video calls, one speaker each,
labelled by three teams: the face (video: ann-07 and ann-08, plus a
face-emotion model on a few clips), the voice (audio: ann-02's emotion and
voice-activity segments, plus a speech-emotion model on every clip) and the
words (text: ann-11's emotion and sentiment per transcript segment).

Clips with a planted conflict, or a near miss that must stay quiet, are
written out by hand below (`PLANTED`); the others are drawn from a fixed
seed. Run `python3 make_clips.py [OUT]` (default: clips.jsonl beside this
script); the output is the same byte for byte on every run.
"""

import json
import os
import random
import sys

SEED = 20261102
N_CLIPS = 48

# Label strings per channel (affect.accord), keyed by MELD emotion.
FACE = {"anger": "angry", "disgust": "disgusted", "fear": "fearful", "sadness": "sad",
        "joy": "happy", "neutral": "neutral", "surprise": "surprised"}
VOICE = FACE
WORDS = {e: e for e in FACE}
POLARITY = {"anger": "negative", "disgust": "negative", "fear": "negative",
            "sadness": "negative", "joy": "positive", "neutral": "neutral", "surprise": None}
LABEL_POLARITY = {FACE[e]: p for e, p in POLARITY.items()}
SAME_POLARITY = {"angry": ["disgusted"], "disgusted": ["angry"], "sad": ["fearful"],
                 "fearful": ["sad"], "happy": [], "neutral": [], "surprised": []}


class Clip:
    """The records of one clip, in the order the labelling tool exports them."""

    def __init__(self, key, duration):
        self.key = key
        self.duration = duration
        self.records = []

    def _add(self, modality, label, start, end, who, attrs=None, confidence=None):
        rec = {"item": self.key, "modality": modality, "label": label}
        if start is not None:
            rec["start"] = round(start, 2)
            rec["end"] = round(end, 2)
        if who.startswith("ann-"):
            rec["annotator"] = who
        else:
            rec["source"] = "model"
            rec["confidence"] = confidence
        if attrs:
            rec["attrs"] = attrs
        rec["_who"] = who
        self.records.append(rec)

    def face(self, ann, label, start, end, intensity=None):
        self._add("video", label, start, end, ann, {"intensity": intensity} if intensity else None)

    def no_face(self, ann, start, end):
        self._add("video", "face not visible", start, end, ann)

    def face_model(self, label, start, end, confidence):
        self._add("video", label, start, end, "face-model", confidence=confidence)

    def voice(self, label, start, end, intensity=None):
        self._add("audio", label, start, end, "ann-02",
                  {"intensity": intensity} if intensity else None)

    def speech(self, start, end):
        self._add("audio", "speech", start, end, "ann-02")

    def voice_marker(self, label, start, end, attrs=None):
        self._add("audio", label, start, end, "ann-02", attrs)

    def voice_model(self, label, start, end, confidence):
        self._add("audio", label, start, end, "ser-model", confidence=confidence)

    def words(self, start, end, emotion, sentiment=None, valence=None):
        """ann-11's emotion and sentiment of one transcript segment."""
        self._add("text", WORDS[emotion], start, end, "ann-11",
                  {"valence": valence} if valence else None)
        sentiment = sentiment or POLARITY[emotion] or valence
        self._add("text", "sentiment:" + sentiment, start, end, "ann-11")

    def text_marker(self, label, start, end):
        self._add("text", label, start, end, "ann-11")


# ------------------------------------------------------------ planted clips
# Each function writes one clip by hand. The comment gives the utterance and
# what the clip is for; README.md lists the findings each one must produce.

def clip_0002(c):
    # "My order number is four, seven, seven, two, nine." A flat voice on a
    # noisy line; the speech-emotion model hears anger (confidently).
    c.face("ann-07", "neutral", 0, 4.6)
    c.face("ann-08", "neutral", 0, 4.6)
    c.speech(0.25, 4.3)
    c.voice("neutral", 0.2, 4.35)
    c.voice_model("angry", 0.2, 4.35, 0.94)
    c.words(0.3, 4.2, "neutral")


def clip_0004(c):
    # "Okay, that works for me, thanks." ann-07 sees a polite smile, ann-08 a neutral face.
    c.face("ann-07", "happy", 0, 5.2, "low")
    c.face("ann-08", "neutral", 0, 5.2)
    c.speech(0.35, 4.9)
    c.voice("happy", 0.3, 4.95, "low")
    c.voice_model("happy", 0.3, 4.95, 0.71)
    c.words(0.4, 4.8, "joy")


def clip_0006(c):
    # "You charged me twice. Twice." Said with a fixed smile: both face
    # annotators label happy, the voice is angry, nothing marks sarcasm.
    c.face("ann-07", "happy", 0, 6.1, "medium")
    c.face("ann-08", "happy", 0, 6.1, "low")
    c.speech(0.35, 2.7)
    c.speech(2.95, 5.8)
    c.voice("angry", 0.35, 5.8, "high")
    c.voice_model("neutral", 0.35, 5.8, 0.52)
    c.words(0.4, 2.6, "anger")
    c.words(3.0, 5.7, "anger")


def clip_0008(c):
    # "I have been on hold for forty minutes." Model below threshold: ignored.
    c.face("ann-07", "angry", 0, 3.9, "medium")
    c.face("ann-08", "angry", 0, 3.9, "medium")
    c.speech(0.2, 3.6)
    c.voice("angry", 0.2, 3.65, "medium")
    c.voice_model("neutral", 0.2, 3.65, 0.72)
    c.words(0.25, 3.5, "anger")


def clip_0009(c):
    # "Thanks, that's really helpful. I'll try again tomorrow." Positive words,
    # a tired, sad voice; the model hears nothing in particular.
    c.face("ann-07", "neutral", 0, 4.0)
    c.face("ann-08", "neutral", 0, 4.0)
    c.speech(0.25, 2.3)
    c.speech(2.55, 3.8)
    c.voice("sad", 0.25, 3.8, "low")
    c.voice_model("neutral", 0.25, 3.8, 0.63)
    c.words(0.3, 2.2, "joy")
    c.words(2.6, 3.7, "neutral")


def clip_0010(c):
    # "Can you check the tracking number?" The sentiment lost its alignment in
    # the export (no start/end).
    c.face("ann-07", "neutral", 0, 3.4)
    c.face("ann-08", "neutral", 0, 3.4)
    c.speech(0.25, 3.1)
    c.voice("neutral", 0.25, 3.1)
    c.voice_model("neutral", 0.25, 3.1, 0.88)
    c._add("text", "neutral", 0.3, 3.0, "ann-11")
    c._add("text", "sentiment:neutral", None, None, "ann-11")


def clip_0011(c):
    # "Yes, the address is right. That's perfect, thank you so much." ann-11
    # gave the second segment joy but clicked a negative sentiment.
    c.face("ann-07", "neutral", 0, 5.5)
    c.face("ann-08", "neutral", 0, 5.5)
    c.speech(0.35, 2.6)
    c.speech(2.85, 5.2)
    c.voice("neutral", 0.35, 5.2)
    c.voice_model("neutral", 0.35, 2.6, 0.9)
    c.voice_model("neutral", 2.85, 5.2, 0.74)
    c.words(0.4, 2.5, "neutral")
    c.words(2.9, 5.1, "joy", sentiment="negative")


def clip_0012(c):
    # "Wait, it's already here?" Surprise in the words without a valence.
    c.face("ann-07", "surprised", 0, 3.1, "high")
    c.face("ann-08", "surprised", 0, 3.1, "medium")
    c.speech(0.2, 2.9)
    c.voice("surprised", 0.2, 2.9, "high")
    c.voice_model("surprised", 0.2, 2.9, 0.81)
    c._add("text", "surprise", 0.25, 2.8, "ann-11")
    c._add("text", "sentiment:positive", 0.25, 2.8, "ann-11")


def clip_0013(c):
    # "Oh, that's great, I'll tell my wife!" ann-08 typed an intensity on the
    # old 1-5 scale.
    c.face("ann-07", "happy", 0, 4.4, "high")
    c._add("video", "happy", 0, 4.4, "ann-08", {"intensity": 4})
    c.speech(0.3, 4.0)
    c.voice("happy", 0.3, 4.1, "high")
    c.voice_model("happy", 0.3, 4.1, 0.95)
    c.words(0.35, 3.9, "joy")


def clip_0014(c):
    # "Oh wonderful, another password reset." A smirk over a disgusted voice,
    # marked sarcastic in the transcript: no conflict.
    c.face("ann-07", "happy", 0, 5.0, "low")
    c.face("ann-08", "happy", 0, 5.0, "low")
    c.speech(0.3, 4.7)
    c.voice("disgusted", 0.3, 4.7, "medium")
    c.voice_model("disgusted", 0.3, 4.7, 0.77)
    c.words(0.35, 4.6, "disgust")
    c.text_marker("sarcastic", 0.35, 4.6)


def clip_0017(c):
    # "Ha, so what happens now?" Nervous laughter: a fearful face over a
    # laughing voice, nothing marks it.
    c.face("ann-07", "fearful", 0, 4.8, "medium")
    c.face("ann-08", "fearful", 0, 4.8, "medium")
    c.speech(0.3, 4.5)
    c.voice("happy", 0.3, 4.5, "medium")
    c.voice_model("surprised", 0.3, 4.5, 0.64)
    c.words(0.35, 4.4, "neutral")


def clip_0018(c):
    # "I sent the photos twice already." The speaker turns to a second screen;
    # ann-07 marks the face not visible, ann-08 labels a neutral face there.
    c.face("ann-07", "sad", 0, 1.8, "low")
    c.no_face("ann-07", 1.8, 4.0)
    c.face("ann-07", "sad", 4.0, 6.2, "low")
    c.face("ann-08", "sad", 0, 2.0, "low")
    c.face("ann-08", "neutral", 2.0, 3.8)
    c.face("ann-08", "sad", 3.8, 6.2, "low")
    c.speech(0.3, 5.9)
    c.voice("sad", 0.3, 5.9, "low")
    c.voice_model("sad", 0.3, 5.9, 0.83)
    c.words(0.35, 5.8, "sadness")


def clip_0019(c):
    # "I guess I'll just wait then." ann-07 reads sadness, ann-08 a neutral face.
    c.face("ann-07", "sad", 0, 5.6, "low")
    c.face("ann-08", "neutral", 0, 5.6)
    c.speech(0.4, 5.2)
    c.voice("sad", 0.4, 5.25, "low")
    c.voice_model("sad", 0.4, 5.25, 0.79)
    c.words(0.45, 5.1, "sadness")


def clip_0021(c):
    # "Sure, take your time, I've only been waiting an hour." The transcript
    # annotator took it literally; the voice annotator marked the sarcastic tone.
    c.face("ann-07", "happy", 0, 5.7, "low")
    c.face("ann-08", "happy", 0, 5.7, "medium")
    c.speech(0.3, 5.4)
    c.voice("disgusted", 0.3, 5.4, "medium")
    c.voice_marker("sarcastic tone", 0.3, 5.4)
    c.voice_model("disgusted", 0.3, 5.4, 0.83)
    c.words(0.35, 5.3, "joy")


def clip_0023(c):
    # "Yes, I can hold." A smiling face, a neutral voice by ann-02; the model
    # confidently hears happiness.
    c.face("ann-07", "happy", 0, 3.3, "low")
    c.face("ann-08", "happy", 0, 3.3, "low")
    c.speech(0.3, 3.0)
    c.voice("neutral", 0.3, 3.0)
    c.voice_model("happy", 0.3, 3.0, 0.96)
    c.words(0.35, 2.9, "neutral")


def clip_0025(c):
    # "I love how fast you fixed it." Positive words, an angry voice and face,
    # marked sarcastic: no conflict.
    c.face("ann-07", "angry", 0, 3.8, "medium")
    c.face("ann-08", "angry", 0, 3.8, "high")
    c.speech(0.25, 3.5)
    c.voice("angry", 0.25, 3.5, "high")
    c.voice_model("angry", 0.25, 3.5, 0.91)
    c.words(0.3, 3.4, "joy")
    c.text_marker("sarcastic", 0.3, 3.4)


def clip_0026(c):
    # "No. I said cancel it." ann-07 sees barely any anger in the face, the voice is strongly angry.
    c.face("ann-07", "angry", 0, 3.6, "low")
    c.face("ann-08", "angry", 0, 3.6, "medium")
    c.speech(0.3, 1.0)
    c.speech(1.35, 3.3)
    c.voice("angry", 0.3, 3.3, "high")
    c.voice_model("angry", 0.3, 1.0, 0.87)
    c.voice_model("angry", 1.35, 3.3, 0.93)
    c.words(0.3, 0.95, "anger")
    c.words(1.4, 3.2, "anger")


def clip_0027(c):
    # "This is the third time it crashed." Angry or disgusted: same polarity, no disagreement.
    c.face("ann-07", "angry", 0, 4.2, "medium")
    c.face("ann-08", "disgusted", 0, 4.2, "medium")
    c.speech(0.3, 3.9)
    c.voice("angry", 0.3, 3.95, "medium")
    c.voice_model("angry", 0.3, 3.95, 0.9)
    c.words(0.35, 3.8, "anger")


def clip_0030(c):
    # "Let me find the email." The model hears sadness, below its threshold: ignored.
    c.face("ann-07", "neutral", 0, 3.2)
    c.face("ann-08", "neutral", 0, 3.2)
    c.speech(0.4, 2.9)
    c.voice("neutral", 0.4, 2.95)
    c.voice_model("sad", 0.4, 2.95, 0.85)
    c.words(0.45, 2.85, "neutral")


def clip_0031(c):
    # "I'm going to lose my mind with this app, haha." Complaining words said
    # laughing, with a smile; the model hears the laugh too.
    c.face("ann-07", "happy", 0, 4.9, "medium")
    c.face("ann-08", "happy", 0, 4.9, "medium")
    c.speech(0.25, 4.6)
    c.voice("happy", 0.25, 4.6, "medium")
    c.voice_model("happy", 0.25, 4.6, 0.79)
    c.words(0.3, 4.5, "anger")


def clip_0032(c):
    # "Oh nice, the refund came through... but only half of it." ann-07 let
    # the happy segment run on over the sad one.
    c.face("ann-07", "happy", 0, 2.9, "medium")
    c.face("ann-07", "sad", 2.2, 4.6, "medium")
    c.face("ann-08", "happy", 0, 2.45, "medium")
    c.face("ann-08", "sad", 2.45, 4.6, "medium")
    c.speech(0.2, 2.3)
    c.speech(2.6, 4.4)
    c.voice("happy", 0.2, 2.35, "medium")
    c.voice("sad", 2.55, 4.45, "medium")
    c.voice_model("happy", 0.2, 2.35, 0.9)
    c.voice_model("sad", 2.55, 4.45, 0.87)
    c.words(0.25, 2.25, "joy")
    c.words(2.65, 4.35, "sadness")


def clip_0033(c):
    # "Oh, that's good news. But why did it take three weeks?" The mood turns;
    # segment boundaries overlap by 0.25-0.35 s only: no conflict.
    c.face("ann-07", "happy", 0, 3.3, "medium")
    c.face("ann-07", "angry", 3.3, 5.8, "medium")
    c.face("ann-08", "happy", 0, 3.2, "medium")
    c.face("ann-08", "angry", 3.2, 5.8, "high")
    c.speech(0.25, 2.8)
    c.speech(3.05, 5.5)
    c.voice("happy", 0.25, 2.85, "medium")
    c.voice("angry", 2.95, 5.5, "high")
    c.voice_model("happy", 0.25, 2.85, 0.84)
    c.voice_model("angry", 2.95, 5.5, 0.92)
    c.words(0.3, 2.7, "joy")
    c.words(3.1, 5.4, "anger")


def clip_0034(c):
    # "The app says it's delivered. Uh, hold on. No, nothing at the door."
    # ann-02 missed the quiet "uh, hold on" in the voice activity.
    c.face("ann-07", "neutral", 0, 6.4)
    c.face("ann-08", "neutral", 0, 6.4)
    c.speech(0.25, 2.9)
    c.speech(4.65, 6.2)
    c.voice("neutral", 0.25, 6.2)
    c.voice_model("neutral", 0.25, 2.9, 0.86)
    c.voice_model("neutral", 4.65, 6.2, 0.8)
    c.words(0.3, 2.8, "neutral")
    c.words(3.2, 4.3, "neutral")
    c.words(4.7, 6.1, "neutral")


def clip_0036(c):
    # "My order still hasn't arrived." ann-11 gave sadness but a neutral sentiment.
    c.face("ann-07", "sad", 0, 3.7, "medium")
    c.face("ann-08", "sad", 0, 3.7, "low")
    c.speech(0.4, 3.4)
    c.voice("sad", 0.4, 3.4, "low")
    c.voice_model("sad", 0.4, 3.4, 0.76)
    c.words(0.4, 3.3, "sadness", sentiment="neutral")


def clip_0037(c):
    # "Can you hear me? ... (muted) ... Sorry, I was muted." The middle segment
    # was spoken while the microphone was muted: no speech, but excused.
    c.face("ann-07", "neutral", 0, 7.1)
    c.face("ann-08", "neutral", 0, 7.1)
    c.speech(0.3, 1.7)
    c.voice_marker("unusable", 2.0, 4.6, {"reason": "microphone muted"})
    c.speech(4.9, 6.8)
    c.voice("neutral", 0.3, 1.7)
    c.voice("neutral", 4.9, 6.8)
    c.voice_model("neutral", 0.3, 1.7, 0.9)
    c.voice_model("neutral", 4.9, 6.8, 0.88)
    c.words(0.35, 1.6, "neutral")
    c.words(2.3, 4.2, "neutral")
    c.words(4.95, 6.7, "neutral")


def clip_0039(c):
    # "Just give me a human, please." ann-02 used a label the ontology lacks.
    c.face("ann-07", "angry", 0, 4.2, "medium")
    c.face("ann-08", "angry", 0, 4.2, "medium")
    c.speech(0.3, 3.9)
    c.voice("frustrated", 0.3, 3.9, "high")
    c.voice_model("angry", 0.3, 3.9, 0.89)
    c.words(0.35, 3.8, "anger")


PLANTED = {int(name[5:]): fn for name, fn in globals().items() if name.startswith("clip_")}

# --------------------------------------------------------------- clean clips

# MELD's emotion mix, roughly: mostly neutral, then joy, anger, surprise, sadness.
MOODS = ["neutral"] * 7 + ["joy"] * 3 + ["anger"] * 2 + ["surprise"] * 2 + ["sadness"] * 2 + \
    ["fear", "disgust"]


def clean_clip(c, rng, with_face_model, with_no_face):
    dur = c.duration
    nseg = 1 if dur < 3.5 else rng.choice([1, 2]) if dur < 6.0 else rng.choice([2, 3])
    start = rng.uniform(0.15, 0.45)
    stop = dur - rng.uniform(0.2, 0.5)
    pauses = [rng.uniform(0.25, 0.55) for _ in range(nseg - 1)]
    weights = [rng.uniform(0.5, 1.5) for _ in range(nseg)]
    speaking = stop - start - sum(pauses)
    segs, t = [], start
    for i in range(nseg):
        length = speaking * weights[i] / sum(weights)
        segs.append((t, t + length))
        t += length + (pauses[i] if i < nseg - 1 else 0)

    mood = rng.choice(MOODS)
    moods = [mood] * nseg
    if nseg > 1 and POLARITY[mood] != "neutral" and rng.random() < 0.4:
        moods[0] = "neutral"  # "Hi, yes. [then the complaint]"
    surprise_valence = rng.choice(["positive", "negative"])
    levels = rng.choice([["low", "medium"], ["medium", "high"], ["medium"]])

    def intensity(label):
        return None if label == "neutral" else rng.choice(levels)

    # Words.
    for (s, e), m in zip(segs, moods):
        c.words(s + rng.uniform(0.02, 0.12), e - rng.uniform(0.02, 0.15), m,
                valence=surprise_valence if m == "surprise" else None)

    # Voice: activity per segment, emotion merged over segments with one label.
    voice_runs = []
    for (s, e), m in zip(segs, moods):
        c.speech(s, e)
        label = VOICE[m]
        if label != "neutral" and rng.random() < 0.2:
            label = "neutral"  # a flat voice over emotional words
        lead, tail = rng.uniform(0.0, 0.1), rng.uniform(0.0, 0.12)
        if voice_runs and voice_runs[-1][0] == label:
            voice_runs[-1][2] = e + tail
        else:
            voice_runs.append([label, s - lead, e + tail])
    for label, s, e in voice_runs:
        c.voice(label, s, e, intensity(label))
        if rng.random() < 0.8:
            model, conf = label, rng.uniform(0.6, 0.98)
        elif label != "neutral":
            model, conf = "neutral", rng.uniform(0.5, 0.85)
        else:
            model, conf = rng.choice(["happy", "sad", "angry"]), rng.uniform(0.5, 0.85)
        c.voice_model(model, s, e, round(conf, 2))

    # Face: both annotators cover the clip; boundaries in the pauses, each
    # annotator a little differently.
    for ann in ("ann-07", "ann-08"):
        cuts = [0.0]
        for i in range(nseg - 1):
            mid = (segs[i][1] + segs[i + 1][0]) / 2
            cuts.append(mid + rng.uniform(-0.12, 0.12))
        cuts.append(dur)
        runs = []
        for i, m in enumerate(moods):
            label = FACE[m]
            alt = SAME_POLARITY[label]
            if alt and rng.random() < 0.15:
                label = alt[0]
            if runs and runs[-1][0] == label:
                runs[-1][2] = cuts[i + 1]
            else:
                runs.append([label, cuts[i], cuts[i + 1]])
        if with_no_face and ann == "ann-07":
            # The speaker looks away for a moment inside the longest run.
            label, s, e = max(runs, key=lambda r: r[2] - r[1])
            a = s + (e - s) * rng.uniform(0.3, 0.45)
            b = a + rng.uniform(0.8, 1.4)
            runs.remove([label, s, e])
            runs += [[label, s, a], ["face not visible", a, b], [label, b, e]]
            runs.sort(key=lambda r: r[1])
        for label, s, e in runs:
            if label == "face not visible":
                c.no_face(ann, s, e)
            else:
                c.face(ann, label, s, e, intensity(label))
        if with_face_model and ann == "ann-07":
            for label, s, e in runs:
                c.face_model(label, s, e, round(rng.uniform(0.55, 0.97), 2))


# ---------------------------------------------------------------------- main

MODALITY_ORDER = {"video": 0, "audio": 1, "text": 2}
ID_PREFIX = {("video", False): "v", ("video", True): "vm", ("audio", False): "a",
             ("audio", True): "am", ("text", False): "t"}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "clips.jsonl")
    rng = random.Random(SEED)
    clean = [n for n in range(1, N_CLIPS + 1) if n not in PLANTED]
    face_model = set(rng.sample(clean, 8))
    no_face = set(rng.sample([n for n in clean if n not in face_model], 3))
    clips = []
    for n in range(1, N_CLIPS + 1):
        key = "clip-%04d" % n
        if n in PLANTED:
            c = Clip(key, None)
            PLANTED[n](c)
        else:
            c = Clip(key, round(rng.uniform(2.4, 8.8), 2))
            clean_clip(c, rng, n in face_model, n in no_face)
        clips.append(c)

    counters = {}
    lines = []
    for c in clips:
        order = {id(r): i for i, r in enumerate(c.records)}
        recs = sorted(c.records, key=lambda r: (MODALITY_ORDER[r["modality"]],
                                                r.get("source") == "model", r["_who"],
                                                r.get("start", 0), order[id(r)]))
        for r in recs:
            prefix = ID_PREFIX[(r["modality"], r.get("source") == "model")]
            counters[prefix] = counters.get(prefix, 0) + 1
            ordered = {"item": r["item"], "id": "%s-%04d" % (prefix, counters[prefix])}
            for k in ("modality", "label", "start", "end", "annotator", "source", "confidence",
                      "attrs"):
                if k in r:
                    ordered[k] = r[k]
            lines.append(json.dumps(ordered, separators=(",", ":")))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
