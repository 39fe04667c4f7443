#pragma once
// The code examples of /work/shared/LANGUAGE.md (the language contract), verbatim.

namespace accord::test::examples {

constexpr const char* kHeader = R"accord(ontology affect version "1.0.0";
import core;        // core.accord or core.yaml beside this file, then on the search path (-I, ACCORD_PATH)
)accord";

constexpr const char* kModalities = R"accord(modality video  { extent: time; }
modality audio  { extent: time; }
modality text   { extent: time; }          // transcript segments aligned to the clip
modality description { extent: chars; }   // product copy: character spans
modality camera { extent: time, box; }
modality lidar  { extent: time, box3d; }
modality gps    { extent: time, geo; }
modality image  { extent: box; }
modality events { extent: time; }
)accord";

constexpr const char* kConcepts = R"accord(enum Valence { negative, neutral, positive }

/// Any emotional reading of a person.
concept affect in video, audio, text {
  valence: Valence;
  intensity: int[1..5] = 3;
}

concept hostile : affect in video as "aggressive", audio as "angry", text as "hostile" {
  valence = negative;
}
concept calm : affect in video as "calm", audio as "neutral", text as "neutral" {
  valence = neutral;
}
concept cheerful : affect in video as "smiling", audio as "cheerful", text as "happy" {
  valence = positive;
}
concept sarcasm in text as "sarcastic";

disjoint hostile, calm, cheerful;
)accord";

constexpr const char* kToneRule = R"accord(/// Tone must agree across channels unless sarcasm is marked.
rule tone_mismatch
  severity error
  guideline "Affect playbook 4.2"
  escalate "affect-leads"
{
  for v: affect in video, a: affect in audio
  where overlaps(v, a) and v.valence != a.valence
  unless exists t: sarcasm in text where overlaps(t, v)
  report "video says {v.label} ({v.valence}) but audio says {a.label} ({a.valence})";
}
)accord";

constexpr const char* kMoreRules = R"accord(/// Every pedestrian boxed in the camera has a LiDAR cuboid on the same track within 100 ms.
rule pedestrian_needs_lidar severity error guideline "AV playbook 3.1" {
  for c: pedestrian in camera
  require exists l: pedestrian in lidar where l.track == c.track and near(l, c, 100ms)
  report "camera pedestrian on track {c.track} at {c.start}s has no LiDAR cuboid within 100 ms";
}

/// Camera and LiDAR agree on the class of a track.
rule track_class_agrees severity error {
  for c: road_user in camera, l: road_user in lidar
  where c.track == l.track and near(c, l, 100ms) and c.concept != l.concept
  report "track {c.track}: camera says {c.label}, LiDAR says {l.label}";
}

/// The product colour in the photo matches the colour in the description.
rule colour_agrees severity warning guideline "Retail playbook 2.1" {
  for i: product in image, d: product in description
  where has(i.colour) and has(d.colour) and i.colour != d.colour
  report "photo shows {i.colour} but the description says {d.colour}";
}

/// Two annotators of the same channel disagree on valence.
rule annotators_disagree severity info {
  for x: affect in video, y: affect in video
  where x.annotator != y.annotator and overlap(x, y) >= 1s and x.valence != y.valence
  report "{x.annotator} and {y.annotator} disagree on {x.start}s..{x.end}s";
}

/// An unattended package in video is confirmed by a logged security event within 30 s.
rule package_needs_event severity error {
  for p: unattended_package in video
  require count(e: security_event in events where near(e, p, 30s)) >= 1
  report "unattended package at {p.start}s has no security event";
}

/// A confident model prediction that contradicts the human label goes to review.
rule model_contradicts_human severity info escalate "review-queue" {
  for m: affect in video, h: affect in video
  where m.source == "model" and h.source == "human"
    and m.confidence >= 0.9 and overlaps(m, h) and m.valence != h.valence
  report "model ({m.confidence}) says {m.label}, annotator {h.annotator} says {h.label}";
}
)accord";

constexpr const char* kTests = R"accord(test sarcasm_excuses_tone {
  item clip1 {
    video v1 "aggressive" 0s..5s;
    audio a1 "neutral"    1s..4s;
    text  t1 "sarcastic"  0s..5s;
  }
  expect none;
}

test tone_conflict_fires {
  item clip1 {
    video v1 "aggressive" 0s..5s { annotator: "ann-7" };
    audio a1 "neutral"    1s..4s;
  }
  expect tone_mismatch(v1, a1);
}
)accord";

}  // namespace accord::test::examples
