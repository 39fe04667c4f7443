#!/usr/bin/env python3
"""Writes listings.jsonl, the retail example dataset (see README.md beside it).

A marketplace audits 50 fashion listings. Per listing: the seller's catalogue
record, the product boxed in each photo (ph-1 or ph-2, a colour model on some
photos), the spans of the title and copy that name the product (cp-1), and
the customer reviews with their praise and complaint spans (rv-1 or rv-2).

The listings are written out by hand below (`LISTINGS`); the reviews and the
exact pixels are drawn from a fixed seed, and the planted conflicts are the
`PLANTS` edits applied afterwards. Run `python3 make_listings.py [OUT]`
(default: listings.jsonl beside this script); the output is the same byte for
byte on every run.
"""

import json
import os
import random
import sys

SEED = 1163

# Photos are 1080 x 1440 (portrait catalogue shots); boxes are [x, y, w, h] in pixels.
PHOTO_W, PHOTO_H = 1080, 1440

# Colour words as titles write them -> Colour values of retail.accord.
COLOURS = {"Black": "black", "White": "white", "Grey": "grey", "Silver": "silver", "Red": "red",
           "Maroon": "maroon", "Pink": "pink", "Orange": "orange", "Yellow": "yellow",
           "Gold": "gold", "Beige": "beige", "Cream": "cream", "Brown": "brown", "Tan": "tan",
           "Green": "green", "Olive": "olive", "Blue": "blue", "Navy Blue": "navy_blue",
           "Purple": "purple", "Multi": "multi"}

# One line per listing: id, article type (a retail concept), catalogue colour,
# gender, usage, material as seen and claimed (None: not stated), photos, title.
# The title's colour and gender words are what the copy annotator marks.
LISTINGS = [
    (1174, "tshirt", "blue", "men", "sports", "polyester", 2, "Nike Men Blue Dri-Fit Training T-shirt"),
    (1187, "tshirt", "white", "men", "casual", "cotton", 2, "Roadster Men White Crew Neck T-shirt"),
    (1203, "tshirt", "black", "men", "sports", "polyester", 2, "Puma Men Motorsport Track Black T-shirt"),
    (1219, "tshirt", "red", "women", "casual", "cotton", 1, "Levis Women Red Logo T-shirt"),
    (1246, "shirt", "navy_blue", "men", "formal", "cotton", 2, "Arrow Men Navy Blue Slim Fit Formal Shirt"),
    (1262, "shirt", "white", "men", "formal", "cotton", 1, "Van Heusen Men White Oxford Shirt"),
    (1288, "top", "pink", "women", "casual", "cotton", 2, "Vero Moda Women Pink Ruffled Top"),
    (1301, "top", "yellow", "women", "casual", "polyester", 1, "Only Women Yellow Printed Top"),
    (1317, "jacket", "olive", "men", "casual", "polyester", 2, "Wildcraft Men Olive Windcheater Jacket"),
    (1342, "jacket", "black", "women", "casual", "leather", 3, "Mango Women Black Biker Jacket"),
    (1356, "sweatshirt", "grey", "men", "casual", "cotton", 2, "United Colors of Benetton Men Grey Sweatshirt"),
    (1371, "track_pants", "black", "men", "sports", "polyester", 2, "Adidas Men Black 3-Stripes Track Pants"),
    (1389, "track_pants", "navy_blue", "women", "sports", "polyester", 1, "Reebok Women Navy Blue Joggers"),
    (1402, "shorts", "grey", "men", "sports", "polyester", 1, "Nike Men Grey Running Shorts"),
    (1418, "trousers", "beige", "men", "formal", "cotton", 2, "Louis Philippe Men Beige Chinos"),
    (1433, "capris", "black", "women", "sports", "polyester", 1, "Puma Women Black Training Capris"),
    (1447, "dress", "maroon", "women", "party", "polyester", 2, "AND Women Maroon Wrap Dress"),
    (1460, "dress", "multi", "girls", "casual", "cotton", 1, "Gini and Jony Girls Floral Print Dress"),
    (1476, "casual_shoes", "white", "men", "casual", "synthetic_leather", 3, "Puma Men White Smash Sneakers"),
    (1491, "casual_shoes", "brown", "men", "casual", "leather", 2, "Red Tape Men Brown Leather Loafers"),
    (1505, "casual_shoes", "navy_blue", "women", "casual", "canvas", 2, "Converse Women Navy Blue Canvas Sneakers"),
    (1523, "sports_shoes", "black", "men", "sports", "mesh", 3, "Asics Men Black Gel Running Shoes"),
    (1538, "sports_shoes", "blue", "women", "sports", "mesh", 2, "Nike Women Blue Revolution Running Shoes"),
    (1552, "sports_shoes", "grey", "boys", "sports", "mesh", 1, "Adidas Boys Grey Running Shoes"),
    (1567, "formal_shoes", "black", "men", "formal", "leather", 2, "Clarks Men Black Leather Oxfords"),
    (1581, "heels", "gold", "women", "party", "synthetic_leather", 2, "Catwalk Women Gold Stilettos"),
    (1596, "heels", "red", "women", "party", "synthetic_leather", 1, "Inc 5 Women Red Block Heels"),
    (1612, "flats", "beige", "women", "casual", "synthetic_leather", 1, "Bata Women Beige Ballerinas"),
    (1629, "sandals", "brown", "men", "casual", "leather", 2, "Woodland Men Brown Leather Sandals"),
    (1643, "sandals", "tan", "women", "casual", "synthetic_leather", 1, "Metro Women Tan Strappy Sandals"),
    (1658, "flip_flops", "blue", "men", "casual", "rubber", 1, "Crocs Men Blue Flip Flops"),
    (1674, "flip_flops", "black", "unisex", "casual", "rubber", 1, "Havaianas Unisex Black Flip Flops"),
    (1689, "backpack", "navy_blue", "unisex", "casual", "polyester", 2, "Wildcraft Navy Blue Laptop Backpack"),
    (1703, "backpack", "green", "unisex", "travel", "polyester", 2, "Quechua Green 20L Hiking Backpack"),
    (1718, "backpack", "black", "unisex", "sports", "polyester", 1, "Puma Black Phase Backpack"),
    (1734, "handbag", "tan", "women", "casual", "leather", 2, "Hidesign Women Tan Leather Handbag"),
    (1749, "handbag", "black", "women", "formal", "leather", 2, "Lavie Women Black Leather Satchel"),
    (1762, "duffel_bag", "grey", "unisex", "sports", "polyester", 1, "Nike Grey Brasilia Duffel Bag"),
    (1779, "cap", "red", "unisex", "sports", "cotton", 1, "Puma Red Ferrari Fanwear Cap"),
    (1793, "cap", "white", "men", "sports", "cotton", 1, "Adidas Men White Baseball Cap"),
    (1808, "watch", "silver", "men", "formal", "metal", 2, "Titan Men Silver Analogue Watch"),
    (1822, "watch", "black", "women", "casual", "plastic", 1, "Fastrack Women Black Digital Watch"),
    (1837, "socks", "white", "men", "sports", "cotton", 1, "Puma Men White Ankle Socks"),
    (1851, "water_bottle", "purple", "unisex", "sports", "plastic", 1, "Quechua Purple Sipper Bottle"),
    (1866, "water_bottle", "silver", "unisex", "travel", "metal", 1, "Milton Silver Steel Flask"),
    (1880, "football", "white", "unisex", "sports", "synthetic_leather", 1, "Nivia White Size 5 Football"),
    (1895, "basketball", "orange", "unisex", "sports", "rubber", 1, "Spalding Orange Outdoor Basketball"),
    (1911, "tshirt", "green", "boys", "casual", "cotton", 1, "United Colors of Benetton Boys Green T-shirt"),
    (1926, "sweatshirt", "maroon", "women", "casual", "cotton", 1, "Puma Women Maroon Hoodie"),
    (1940, "shorts", "navy_blue", "women", "sports", "polyester", 1, "Nike Women Navy Blue Running Shorts"),
]

SUBCATEGORY_OF = {
    "tshirt": "topwear", "shirt": "topwear", "top": "topwear", "jacket": "topwear",
    "sweatshirt": "topwear", "track_pants": "bottomwear", "shorts": "bottomwear",
    "trousers": "bottomwear", "capris": "bottomwear", "dress": "dress",
    "casual_shoes": "shoes", "sports_shoes": "shoes", "formal_shoes": "shoes", "heels": "shoes",
    "flats": "shoes", "sandals": "sandals", "flip_flops": "flip_flops", "backpack": "bags",
    "handbag": "bags", "duffel_bag": "bags", "cap": "headwear", "watch": "watches",
    "socks": "socks", "water_bottle": "water_bottles", "football": "sports_equipment",
    "basketball": "sports_equipment",
}
# The generic word a product description uses in its details section.
GENERIC = {"topwear": "topwear", "bottomwear": "bottomwear", "dress": "apparel", "shoes": "shoes",
           "sandals": "footwear", "flip_flops": "footwear", "bags": "bags",
           "headwear": "accessories", "watches": "accessories", "socks": "accessories",
           "water_bottles": "accessories", "sports_equipment": "sporting_goods"}
# Box shapes per subcategory: (w, h) ranges as fractions of the photo.
SHAPE = {"topwear": (0.72, 0.62), "bottomwear": (0.55, 0.78), "dress": (0.6, 0.85),
         "shoes": (0.84, 0.38), "sandals": (0.8, 0.36), "flip_flops": (0.78, 0.34),
         "bags": (0.7, 0.66), "headwear": (0.66, 0.4), "watches": (0.42, 0.7),
         "socks": (0.5, 0.55), "water_bottles": (0.32, 0.8), "sports_equipment": (0.7, 0.52)}
ASPECTS = {"topwear": ["fit", "colour", "material", "quality", "price", "delivery"],
           "bottomwear": ["fit", "comfort", "material", "quality", "price"],
           "dress": ["fit", "colour", "material", "quality"],
           "shoes": ["comfort", "fit", "quality", "price", "delivery"],
           "sandals": ["comfort", "fit", "quality"], "flip_flops": ["comfort", "quality", "price"],
           "bags": ["quality", "material", "colour", "price", "delivery"],
           "headwear": ["fit", "colour", "quality"], "watches": ["quality", "price", "delivery"],
           "socks": ["comfort", "quality", "price"], "water_bottles": ["quality", "price"],
           "sports_equipment": ["quality", "price", "delivery"]}
# In-family colours a colour model may give instead (never a conflict for the copy rules).
FAMILY = {"blue": "navy_blue", "navy_blue": "blue", "red": "maroon", "maroon": "red",
          "brown": "tan", "tan": "brown", "white": "cream", "cream": "white", "yellow": "gold",
          "gold": "yellow"}
TITLE_COLOUR = {v: k for k, v in COLOURS.items()}


def box(rng, subcategory, scale=1.0):
    fw, fh = SHAPE[subcategory]
    w = int(PHOTO_W * fw * scale * rng.uniform(0.92, 1.05))
    h = int(PHOTO_H * fh * scale * rng.uniform(0.92, 1.05))
    x = int((PHOTO_W - w) / 2 + rng.uniform(-40, 40))
    y = int((PHOTO_H - h) / 2 + rng.uniform(-60, 60))
    return [max(0, x), max(0, y), w, h]


def jitter(rng, b, px=14):
    return [b[0] + rng.randint(-px, px), b[1] + rng.randint(-px, px),
            b[2] + rng.randint(-px, px), b[3] + rng.randint(-px, px)]


def make_listing(rng, spec, photo_ann, review_ann, model_photos):
    lid, concept, colour, gender, style, material, n_photos, title = spec
    sub = SUBCATEGORY_OF[concept]
    item = "listing-%d" % lid
    recs = []

    def add(modality, label, who, attrs, **fields):
        rec = {"item": item, "modality": modality, "label": label}
        rec.update(fields)
        if who == "model":
            rec["source"] = "model"
        elif who:
            rec["annotator"] = who
        if attrs:
            rec["attrs"] = attrs
        recs.append(rec)
        return rec

    add("catalogue", concept, None, {"colour": colour, "gender": gender, "style": style})

    # Photos: the product on each, the close-up (last photo) shows the material.
    for p in range(1, n_photos + 1):
        photo = "%d_%d.jpg" % (lid, p)
        b = box(rng, sub, 1.0 if p == 1 else rng.uniform(0.85, 1.1))
        attrs = {"photo": photo, "colour": colour}
        if p == n_photos and material:
            attrs["material"] = material
        add("image", concept, photo_ann, attrs, box=b)
        if photo in model_photos:
            mcol, conf = colour, round(rng.uniform(0.62, 0.99), 2)
            if colour in FAMILY and rng.random() < 0.35:
                mcol, conf = FAMILY[colour], round(rng.uniform(0.55, 0.88), 2)
            add("image", concept, "model", {"photo": photo, "colour": mcol},
                box=jitter(rng, b), confidence=conf)

    # Copy: the title names the product with the colour and gender it states;
    # the details section names it again, generically, with the material.
    attrs = {}
    title_colour = next((v for k, v in sorted(COLOURS.items(), key=lambda kv: -len(kv[0]))
                         if k in title), None)
    if title_colour:
        attrs["colour"] = title_colour
    for word, g in (("Men", "men"), ("Women", "women"), ("Boys", "boys"), ("Girls", "girls"),
                    ("Unisex", "unisex")):
        if (" %s " % word) in (" %s " % title):
            attrs["gender"] = g
    add("description", concept, "cp-1", attrs, span=[0, len(title)])
    if material and rng.random() < 0.7:
        begin = len(title) + rng.randint(40, 160)
        add("description", GENERIC[sub], "cp-1", {"material": material},
            span=[begin, begin + rng.randint(28, 70)])

    # Reviews, one after the other on the listing's review page.
    n_reviews = rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4])
    pos = 0
    colour_complaints = 0
    for r in range(n_reviews):
        rating = rng.choice([5, 5, 5, 5, 4, 4, 4, 3, 2, 1])
        sentiment = {5: "positive", 4: rng.choice(["positive", "positive", "neutral"]),
                     3: rng.choice(["neutral", "neutral", "negative", "positive"]),
                     2: "negative", 1: "negative"}[rating]
        track = "rev-%d-%02d" % (lid, r + 1)
        length = rng.randint(60, 420)
        add("review", "review", review_ann, {"rating": rating, "sentiment": sentiment},
            span=[pos, pos + length], track=track)
        # Opinions: praise and complaints inside the review, never overlapping.
        if sentiment == "positive":
            kinds = ["praise"] * rng.choice([1, 1, 2])
            if rating == 4 and rng.random() < 0.4:
                kinds.append("complaint")
        elif sentiment == "negative":
            kinds = ["complaint"] * rng.choice([1, 1, 2])
            if rng.random() < 0.25:
                kinds.append("praise")
        else:
            kinds = rng.choice([["praise", "complaint"], ["complaint"], []])
        aspects = rng.sample(ASPECTS[sub], min(len(kinds), len(ASPECTS[sub])))
        cursor = pos + rng.randint(0, 12)
        for kind, aspect in zip(kinds, aspects):
            if kind == "complaint" and aspect == "colour":
                colour_complaints += 1
                if colour_complaints > 1:
                    aspect = "quality"
            seg = rng.randint(18, max(20, min(90, (pos + length - cursor) // len(kinds))))
            if cursor + seg > pos + length:
                break
            add("review", kind, review_ann, {"aspect": aspect}, span=[cursor, cursor + seg],
                track=track)
            cursor += seg + rng.randint(2, 30)
        pos += length + 1
    return recs


def find(recs, modality, label=None, **attrs):
    for r in recs:
        if r["modality"] == modality and (label is None or r["label"] == label) and all(
                r.get("attrs", {}).get(k) == v for k, v in attrs.items()):
            return r
    raise KeyError((modality, label, attrs))


def review_block(recs, rating, sentiment, opinions, annotator="rv-1", length=240):
    """Appends one review by hand: opinions are (label, aspect[, begin, end]) with
    offsets relative to the review."""
    item = recs[0]["item"]
    lid = int(item.split("-")[1])
    reviews = [r for r in recs if r["label"] == "review"]
    pos = max([r["span"][1] + 1 for r in reviews], default=0)
    track = "rev-%d-%02d" % (lid, len(reviews) + 1)
    recs.append({"item": item, "modality": "review", "label": "review", "span": [pos, pos + length],
                 "track": track, "annotator": annotator,
                 "attrs": {"rating": rating, "sentiment": sentiment}})
    cursor = pos + 6
    for label, aspect, *span in opinions:
        b, e = span if span else (cursor, cursor + 44)
        if span:
            b, e = pos + b, pos + e
        recs.append({"item": item, "modality": "review", "label": label, "span": [b, e],
                     "track": track, "annotator": annotator, "attrs": {"aspect": aspect}})
        cursor = e + 9
    return track


# ------------------------------------------------------------------- plants
# Each edit turns one clean listing into a documented conflict (or a near
# miss that must stay quiet); README.md lists the findings.

def plants(listings, rng):
    L = listings

    # photo_colour_matches_description: the photo shows charcoal grey, the title says black.
    find(L[1523], "image", "sports_shoes", photo="1523_2.jpg")["attrs"]["colour"] = "grey"
    # ... and the copy of a sipper says red while photo and catalogue say purple
    # (also catalogue_colour_matches_copy).
    find(L[1851], "description", "water_bottle")["attrs"]["colour"] = "red"

    # catalogue_colour_matches_copy: "Track Black T-shirt" filed as blue by the seller.
    find(L[1203], "catalogue")["attrs"]["colour"] = "blue"

    # Near misses: a navy photo against "blue" copy, and a print.
    find(L[1505], "description", "casual_shoes")["attrs"]["colour"] = "blue"
    find(L[1460], "image", "dress")["attrs"]["colour"] = "multi"
    find(L[1460], "description", "dress")["attrs"]["colour"] = "pink"

    # description_product_in_photos + description_subcategory_in_photos: the
    # seller uploaded a backpack's photos to a running-shoe listing.
    for r in L[1538]:
        if r["modality"] == "image":
            r["label"] = "backpack"
            r["attrs"]["colour"] = "black"
            r["attrs"].pop("material", None)
            r["box"] = box(rng, "bags")
    # description_subcategory_in_photos: "sneakers" copy over sandal photos.
    title = find(L[1643], "description", "sandals")
    title["label"] = "casual_shoes"

    # catalogue_gender_matches_copy: heels filed under men.
    find(L[1596], "catalogue")["attrs"]["gender"] = "men"
    # Near miss: a unisex backpack whose copy addresses women.
    find(L[1703], "description", "backpack")["attrs"]["gender"] = "women"

    # photo_material_matches_description: "leather" handbag, synthetic in the close-up.
    find(L[1734], "image", "handbag", photo="1734_2.jpg")["attrs"]["material"] = "synthetic_leather"
    if not any(r["modality"] == "description" and r["label"] == "bags" for r in L[1734]):
        L[1734].append({"item": "listing-1734", "modality": "description", "label": "bags",
                        "span": [120, 164], "annotator": "cp-1", "attrs": {"material": "leather"}})

    # review_sentiment_matches_rating: five stars on a negative review, one star
    # on a glowing one, and an ironic one-star review ("great, it fell apart") that is excused.
    review_block(L[1371], 5, "negative", [("complaint", "quality"), ("praise", "comfort")])
    review_block(L[1808], 1, "positive", [("praise", "quality")], annotator="rv-2")
    t = review_block(L[1476], 1, "positive", [("praise", "quality", 0, 52)])
    L[1476].append({"item": "listing-1476", "modality": "review", "label": "irony",
                    "span": [L[1476][-1]["span"][0], L[1476][-1]["span"][0] + 52],
                    "track": t, "annotator": "rv-1"})

    # complaints_outweigh_praise: five stars, two complaints, one praise.
    review_block(L[1629], 5, "positive",
                 [("praise", "comfort"), ("complaint", "fit"), ("complaint", "delivery")],
                 annotator="rv-2", length=310)

    # repeated_colour_complaints: reviews of the olive jacket say it arrived khaki,
    # three colour complaints in all.
    earlier = sum(1 for r in L[1317]
                  if r["label"] == "complaint" and r["attrs"]["aspect"] == "colour")
    for rating in (2, 3, 1)[earlier:]:
        review_block(L[1317], rating, "negative", [("complaint", "colour")], length=150)

    # duplicate_photo_box: the photo annotator boxed the loafers twice on the first photo.
    first = find(L[1491], "image", "casual_shoes", photo="1491_1.jpg")
    dup = json.loads(json.dumps(first))
    x, y, w, h = first["box"]
    dup["box"] = [x + 6, y + 4, w - 4, h + 2]
    L[1491].insert(L[1491].index(first) + 1, dup)

    # model_colour_contradicts_human: the model is sure of navy on a blue jersey, and of
    # purple on a blue top whose copy names no colour.
    human = find(L[1174], "image", "tshirt", photo="1174_1.jpg")
    L[1174].insert(L[1174].index(human) + 1, {
        "item": "listing-1174", "modality": "image", "label": "tshirt",
        "box": jitter(rng, human["box"]), "source": "model", "confidence": 0.93,
        "attrs": {"photo": "1174_1.jpg", "colour": "navy_blue"}})
    human = find(L[1940], "image", "shorts", photo="1940_1.jpg")
    L[1940].insert(L[1940].index(human) + 1, {
        "item": "listing-1940", "modality": "image", "label": "shorts",
        "box": jitter(rng, human["box"]), "source": "model", "confidence": 0.96,
        "attrs": {"photo": "1940_1.jpg", "colour": "purple"}})
    find(L[1940], "description", "shorts")["attrs"].pop("colour")
    # Near miss: a confident model that agrees with the human.
    human = find(L[1246], "image", "shirt", photo="1246_1.jpg")
    L[1246].insert(L[1246].index(human) + 1, {
        "item": "listing-1246", "modality": "image", "label": "shirt",
        "box": jitter(rng, human["box"]), "source": "model", "confidence": 0.97,
        "attrs": {"photo": "1246_1.jpg", "colour": "navy_blue"}})

    # disjoint: rv-2 marked "comfortable but runs small" both praise and complaint.
    review_block(L[1505], 4, "positive",
                 [("praise", "comfort", 10, 58), ("complaint", "fit", 30, 58)], annotator="rv-2")

    # unknown_label: ph-1 also boxed the model's sunglasses (not a catalogue article here).
    shirt = find(L[1262], "image", "shirt")
    L[1262].insert(L[1262].index(shirt) + 1, {
        "item": "listing-1262", "modality": "image", "label": "sunglasses",
        "box": [412, 96, 250, 92], "annotator": shirt["annotator"],
        "attrs": {"photo": "1262_1.jpg", "colour": "black"}})

    # bad_attribute: a six-star rating from a platform import bug.
    review_block(L[1689], 5, "positive", [("praise", "quality")])
    L[1689][-2]["attrs"]["rating"] = 6

    # missing_extent: a copy span exported without its offsets.
    del find(L[1808], "description", "watch")["span"]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "listings.jsonl")
    rng = random.Random(SEED)
    all_photos = ["%d_%d.jpg" % (spec[0], p) for spec in LISTINGS for p in range(1, spec[6] + 1)]
    model_photos = set(rng.sample(all_photos, 20)) - {"1174_1.jpg", "1940_1.jpg", "1246_1.jpg"}
    listings = {}
    for i, spec in enumerate(LISTINGS):
        listings[spec[0]] = make_listing(rng, spec, "ph-1" if i % 3 else "ph-2",
                                         "rv-1" if i % 2 else "rv-2", model_photos)
    plants(listings, rng)

    order = {"catalogue": 0, "image": 1, "description": 2, "review": 3}
    ids = {}
    prefix = {"catalogue": "k", "image": "i", "description": "d", "review": "r"}
    lines = []
    for spec in LISTINGS:
        recs = listings[spec[0]]
        recs = sorted(recs, key=lambda r: order[r["modality"]])  # stable: keeps hand order
        for r in recs:
            p = prefix[r["modality"]] + ("m" if r.get("source") == "model" else "")
            ids[p] = ids.get(p, 0) + 1
            rec = {"item": r["item"], "id": "%s-%04d" % (p, ids[p])}
            for k in ("modality", "label", "box", "span", "track", "annotator", "source",
                      "confidence", "attrs"):
                if k in r:
                    rec[k] = r[k]
            lines.append(json.dumps(rec, separators=(",", ":")))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
