#!/usr/bin/env python3
"""Writes scenes.jsonl, the driving example dataset (see README.md beside it).

Five 20 s scenes of urban drives in Singapore and Boston, labelled in the
nuScenes layout: the sensors run on a 10 Hz clock; LiDAR cuboids are
annotated on the 2 Hz keyframes (ann-5), camera boxes once a second on the
camera that sees the object best (ann-3), the radar pipeline's clustered
objects come with a confidence, GNSS fixes arrive once a second on the
whole second, and the events stream holds the scene tag (ann-3) and the
vehicle's sensor-fault log.

Geometry is computed, not typed: every object has a trajectory in the
scene's local frame (metres, x along the road, y to the left, origin at the
ego's position at t = 0), cuboids are those positions, camera boxes are the
cuboids projected with nuScenes-like intrinsics (1600 x 900 px), GNSS fixes
are the ego's positions converted to latitude and longitude. Cuboids stay in
the scene frame (not the moving ego frame) so that a parked car keeps its
coordinates, as the motion rules assume.

The planted conflicts are the edits in `plant_*` below. Run
`python3 make_scenes.py [OUT]` (default: scenes.jsonl beside this script);
the output is the same byte for byte on every run.
"""

import json
import math
import os
import random
import sys

SEED = 61

# Camera model (nuScenes-like): intrinsics in pixels, mounting height, yaw of
# each channel (left of the driving direction is positive), trigger offset
# from the LiDAR keyframe in seconds.
F, CX, CY, W, H, CAM_Z = 1257.0, 792.0, 493.0, 1600, 900, 1.59
CHANNELS = [("CAM_FRONT", 0.0, 0.012), ("CAM_FRONT_LEFT", 55.0, 0.004),
            ("CAM_FRONT_RIGHT", -55.0, 0.021), ("CAM_BACK_LEFT", 110.0, 0.029),
            ("CAM_BACK_RIGHT", -110.0, 0.045), ("CAM_BACK", 180.0, 0.037)]
HALF_FOV = math.radians(32.0)
CAMERA_RANGE, LIDAR_RANGE = 40.0, 50.0
RADAR_OFFSET = 0.03

# Box sizes (l, w, h) in metres per nuScenes category.
SIZE = {
    "vehicle.car": (4.6, 1.9, 1.6), "vehicle.truck": (6.9, 2.4, 2.9),
    "vehicle.bus.rigid": (11.8, 2.9, 3.4), "vehicle.construction": (6.2, 2.7, 3.1),
    "vehicle.emergency.police": (2.2, 0.9, 1.5), "vehicle.motorcycle": (2.1, 0.8, 1.5),
    "cyclist": (1.8, 0.6, 1.7), "vehicle.bicycle": (1.8, 0.6, 1.7),
    "human.pedestrian.adult": (0.7, 0.6, 1.75), "human.pedestrian.child": (0.5, 0.4, 1.2),
    "human.pedestrian.construction_worker": (0.7, 0.7, 1.8),
    "human.pedestrian.police_officer": (0.7, 0.6, 1.8),
    "movable_object.trafficcone": (0.4, 0.4, 0.7), "movable_object.barrier": (0.5, 2.2, 1.0),
    "animal": (0.9, 0.3, 0.6), "traffic_light": (0.3, 0.3, 0.9),
}
FOUR_WHEELERS = {"vehicle.car", "vehicle.truck", "vehicle.bus.rigid", "vehicle.construction",
                 "vehicle.emergency.police"}
CYCLES = {"cyclist", "vehicle.bicycle", "vehicle.motorcycle"}
PEDESTRIANS = {l for l in SIZE if l.startswith("human.pedestrian")}
VIS = ["v0_40", "v40_60", "v60_80", "v80_100"]


class Track:
    """One physical object: label, trajectory, and when it is annotated."""

    def __init__(self, tid, label, path, on=0.0, off=20.0, activity=None, rider=None,
                 vis="v80_100", radar=False, camera=True, camera_label=None, lidar_label=None,
                 z=0.0):
        self.tid, self.label, self.path = tid, label, path
        self.on, self.off = on, off
        self.activity, self.rider, self.vis = activity, rider, vis
        self.radar, self.camera = radar, camera
        self.camera_label = camera_label or label
        self.lidar_label = lidar_label or label
        self.z = z
        self.size = SIZE[label]

    def act(self, t):
        return self.activity(t) if callable(self.activity) else self.activity


def static(x, y, yaw=0.0):
    return lambda t: (x, y, yaw)


def line(x0, y0, vx, vy, t0=0.0, t_stop=None):
    """Constant velocity from (x0, y0) at t0; optionally standing still after t_stop."""
    yaw = math.atan2(vy, vx) if (vx or vy) else 0.0

    def pos(t):
        tt = min(t, t_stop) if t_stop is not None else t
        return (x0 + vx * (tt - t0), y0 + vy * (tt - t0), yaw)
    return pos


class Scene:
    def __init__(self, key, place, origin, heading, lighting, speed, tracks):
        self.key, self.place = key, place
        self.origin, self.heading = origin, heading  # lat/lon of the frame origin; road bearing
        self.lighting = lighting
        self.speed = speed  # [(t, v)] piecewise linear ego speed along +x
        self.tracks = tracks
        self.records = []

    def ego_speed(self, t):
        pts = self.speed
        if t <= pts[0][0]:
            return pts[0][1]
        for (t0, v0), (t1, v1) in zip(pts, pts[1:]):
            if t <= t1:
                return v0 + (v1 - v0) * (t - t0) / (t1 - t0)
        return pts[-1][1]

    def ego_x(self, t, dt=0.01):
        x, s = 0.0, 0.0
        while s < t - 1e-9:
            step = min(dt, t - s)
            x += self.ego_speed(s + step / 2) * step
            s += step
        return x

    def add(self, rec):
        rec = dict(rec, item=self.key)
        self.records.append(rec)
        return rec


def r2(v):
    return round(v, 2)


def project(rel_fwd, rel_left, obj, yaw_rel, z0):
    """Best camera and the pixel box of a cuboid at (fwd, left) from the ego, or None."""
    l, w, h = obj
    corners = []
    for sx in (-0.5, 0.5):
        for sy in (-0.5, 0.5):
            cx = rel_fwd + sx * l * math.cos(yaw_rel) - sy * w * math.sin(yaw_rel)
            cy = rel_left + sx * l * math.sin(yaw_rel) + sy * w * math.cos(yaw_rel)
            for z in (z0, z0 + h):
                corners.append((cx, cy, z))
    bearing = math.atan2(rel_left, rel_fwd)
    name, yaw, offset = min(CHANNELS, key=lambda c: abs(
        math.remainder(bearing - math.radians(c[1]), 2 * math.pi)))
    phi = math.radians(yaw)
    if abs(math.remainder(bearing - phi, 2 * math.pi)) > HALF_FOV:
        return None
    us, vs = [], []
    for fx, fy, fz in corners:
        depth = fx * math.cos(phi) + fy * math.sin(phi)
        lateral = -fx * math.sin(phi) + fy * math.cos(phi)
        if depth < 0.8:
            return None
        us.append(CX - F * lateral / depth)
        vs.append(CY + F * (CAM_Z - fz) / depth)
    x0, x1 = max(0, min(us)), min(W, max(us))
    y0, y1 = max(0, min(vs)), min(H, max(vs))
    if x1 - x0 < 6 or y1 - y0 < 6:
        return None
    return name, offset, [int(round(x0)), int(round(y0)), int(round(x1 - x0)), int(round(y1 - y0))]


def generate(scene, rng):
    """Records of one scene before any plant: scene tag, LiDAR, camera, radar, GNSS."""
    scene.add({"modality": "events", "label": "scene", "start": 0.0, "end": 20.0,
               "annotator": "ann-3", "attrs": {"lighting": scene.lighting}})
    for k in range(41):
        t = k * 0.5
        ex = scene.ego_x(t)
        for tr in scene.tracks:
            if not (tr.on <= t <= tr.off):
                continue
            x, y, yaw = tr.path(t)
            rf, rl = x - ex, y
            dist = math.hypot(rf, rl)
            l, w, h = tr.size
            if tr.label != "traffic_light" and dist <= LIDAR_RANGE:
                attrs = {"visibility": tr.vis}
                if tr.lidar_label in FOUR_WHEELERS and tr.act(t):
                    attrs["activity"] = tr.act(t)
                if tr.lidar_label in PEDESTRIANS and tr.act(t):
                    attrs["activity"] = tr.act(t)
                if tr.lidar_label == "vehicle.bicycle" or tr.lidar_label == "vehicle.motorcycle":
                    attrs["rider"] = tr.rider
                jx, jy = rng.gauss(0, 0.03), rng.gauss(0, 0.03)
                scene.add({"modality": "lidar", "label": tr.lidar_label, "start": t, "end": t,
                           "track": tr.tid,
                           "box3d": [r2(x + jx), r2(y + jy), r2(tr.z + h / 2), l, w, h,
                                     round(yaw + rng.gauss(0, 0.01), 3)],
                           "annotator": "ann-5", "attrs": attrs})
            if tr.radar and k % 2 == 0 and dist <= LIDAR_RANGE:
                scene.add({"modality": "radar", "label": tr.lidar_label,
                           "start": r2(t + RADAR_OFFSET), "end": r2(t + RADAR_OFFSET),
                           "track": tr.tid,
                           "box3d": [r2(x + rng.gauss(0, 0.35)), r2(y + rng.gauss(0, 0.35)),
                                     r2(tr.z + h / 2), l, w, h, round(yaw, 2)],
                           "source": "model", "confidence": round(rng.uniform(0.7, 0.99), 2)})
            if tr.camera and k % 2 == 0 and dist <= CAMERA_RANGE:
                seen = project(rf, rl, tr.size, yaw, tr.z)
                if seen is None:
                    continue
                channel, offset, box = seen
                rec = {"modality": "camera", "label": tr.camera_label,
                       "start": round(t + offset, 3), "end": round(t + offset, 3),
                       "track": tr.tid, "box": box, "annotator": "ann-3"}
                if tr.label != "traffic_light":
                    attrs = {"channel": channel, "visibility": tr.vis}
                    if (tr.camera_label in FOUR_WHEELERS or tr.camera_label in PEDESTRIANS) \
                            and tr.act(t):
                        attrs["activity"] = tr.act(t)
                    if tr.camera_label in ("vehicle.bicycle", "vehicle.motorcycle"):
                        attrs["rider"] = tr.rider
                    rec["attrs"] = attrs
                scene.add(rec)
    # GNSS, once a second on the whole second.
    lat0, lon0 = scene.origin
    b = math.radians(scene.heading)
    for s in range(21):
        t = float(s)
        x = scene.ego_x(t)
        east = x * math.sin(b) + rng.gauss(0, 0.25)
        north = x * math.cos(b) + rng.gauss(0, 0.25)
        lat = lat0 + north / 111320.0
        lon = lon0 + east / (111320.0 * math.cos(math.radians(lat0)))
        scene.add({"modality": "gps", "label": "fix", "start": t, "end": t,
                   "geo": [round(lat, 7), round(lon, 7)],
                   "attrs": {"accuracy": round(rng.uniform(0.6, 1.4), 1),
                             "speed": round(scene.ego_speed(t) + rng.gauss(0, 0.1), 1)}})


# ------------------------------------------------------------------ scenes

def pull_out(x0, y0, t0, speed, lane_y, lateral=1.2):
    """Parked at (x0, y0) until t0, then pulls out into the lane at `lane_y` and drives on."""
    def pos(t):
        if t <= t0:
            return (x0, y0, 0.0)
        dt = t - t0
        y = min(lane_y, y0 + lateral * dt)
        yaw = math.atan2(lateral, speed) if y < lane_y else 0.0
        return (x0 + speed * dt, y, yaw)
    return pos


def scenes():
    out = []

    # Day, Singapore one-north: a straight two-lane road past a bus stop; the
    # ego slows behind a turning car, then speeds up to 12 m/s. A traffic
    # light ahead turns green at 16 s.
    out.append(Scene("scene-0061", "singapore-onenorth", (1.2998, 103.7870), 62.0, "daylight",
                     [(0, 8.5), (6, 5.0), (9, 5.5), (14, 11.5), (20, 12.0)], [
        Track("car-01", "vehicle.car", line(12, 0.2, 7.0, 0), off=7.0, activity="moving",
              radar=True),
        Track("truck-01", "vehicle.truck", line(46, 3.6, -7.0, 0), off=2.5, activity="moving",
              radar=True, vis="v60_80"),
        Track("car-02", "vehicle.car", static(38, -5.3), on=2.0, off=6.0, activity="parked"),
        Track("ped-01", "human.pedestrian.adult", line(64, -7.2, 1.2, 0.0), on=9.0, off=13.0,
              activity="moving"),
        Track("child-01", "human.pedestrian.child", line(64.5, -7.8, 1.2, 0.0), on=10.0,
              off=12.0, activity="moving", vis="v60_80"),
        Track("bus-01", "vehicle.bus.rigid", static(128, -5.6), on=13.0, off=17.0,
              activity="stopped", radar=True),
        Track("tl-01", "traffic_light", static(122, -5.0), on=12.0, off=18.0, z=4.6),
    ]))

    # Night, Singapore Holland Village: an unlit side street, ego at 6-7 m/s.
    # A parked car pulls out, a cyclist rides ahead, pedestrians on both
    # pavements, one standing in a dark bus shelter, one stepping out from
    # behind a parked delivery truck.
    out.append(Scene("scene-1077", "singapore-hollandvillage", (1.3112, 103.7958), 305.0,
                     "night_dark", [(0, 6.0), (20, 7.0)], [
        Track("car-03", "vehicle.car", pull_out(30, -5.4, 5.0, 3.0, -1.8), on=2.0, off=7.0,
              activity=lambda t: "parked" if t < 5 else "moving"),
        Track("car-04", "vehicle.car", line(60, 3.5, -7.0, 0.0), on=2.0, off=5.0,
              activity="moving", radar=True, vis="v60_80"),
        Track("ped-05", "human.pedestrian.adult", line(26, 6.8, -1.1, 0.0), on=0.0, off=4.0,
              activity="moving", vis="v60_80"),
        Track("cyc-02", "cyclist", line(50, -1.8, 4.0, 0.0), on=6.0, off=12.0,
              rider="with_rider", vis="v60_80"),
        Track("truck-02", "vehicle.truck", static(92, -5.6), on=9.0, off=15.0,
              activity="parked", radar=True),
        Track("ped-07", "human.pedestrian.adult", static(101, 6.5, -1.57), on=12.0, off=15.0,
              activity="standing", vis="v60_80"),
        Track("ped-08", "human.pedestrian.adult", line(104, -6.0, 0.0, 0.9), on=14.0,
              off=19.0, activity="moving", vis="v80_100"),
        Track("ped-03", "human.pedestrian.adult", line(140.8, 7.0, -1.3, 0.0), on=16.0, off=20.0,
              activity="moving"),
        Track("ped-04", "human.pedestrian.adult", line(88.8, 7.4, 1.2, 0.0), on=16.0, off=20.0,
              activity="moving"),
    ]))

    # Dusk, Boston seaport: a construction site narrows the road; the ego
    # crawls past a cone, a barrier, two workers and a parked excavator at 3-4 m/s.
    out.append(Scene("scene-0103", "boston-seaport", (42.3473, -71.0403), 128.0, "twilight",
                     [(0, 4.0), (10, 3.0), (20, 3.5)], [
        Track("cone-02", "movable_object.trafficcone", static(24, -2.3), off=5.0, vis="v60_80"),
        Track("barrier-01", "movable_object.barrier", static(34, -3.0, 0.1), on=4.0, off=8.0),
        Track("worker-01", "human.pedestrian.construction_worker", line(38, -4.5, 0.4, 0.1),
              on=7.0, off=11.0, activity="moving"),
        Track("worker-02", "human.pedestrian.construction_worker", static(50, -4.8), on=11.0,
              off=15.0, activity="standing"),
        Track("vehicle-01", "vehicle.construction", static(64, -6.5, 0.3), on=15.0, off=18.0,
              activity="parked", radar=True),
    ]))

    # Day, Boston: a police motorcycle leads the traffic; the LiDAR annotator
    # calls it a motorcycle (allowed: police vehicles may meet any vehicle
    # class). A police officer directs traffic, a dog crosses behind.
    out.append(Scene("scene-0215", "boston-seaport", (42.3503, -71.0469), 42.0, "daylight",
                     [(0, 9.0), (20, 9.5)], [
        Track("moto-01", "vehicle.emergency.police", line(12, 0.3, 8.6, 0.0), off=7.0,
              activity="moving", lidar_label="vehicle.motorcycle", rider="with_rider",
              radar=True),
        Track("car-06", "vehicle.car", static(70, -5.5), on=4.0, off=9.0, activity="parked"),
        Track("ped-09", "human.pedestrian.police_officer", static(118, -6.8, 1.57), on=10.0,
              off=14.0, activity="standing"),
        Track("dog-01", "animal", line(150, -7.6, -0.8, 0.0), on=14.0, off=17.0, vis="v60_80"),
    ]))

    # Twilight, Holland Village: behind a lead car; the LiDAR drops sweeps for
    # 2.3 s while a pedestrian walks past (camera and radar carry on: excused).
    out.append(Scene("scene-0916", "singapore-hollandvillage", (1.3098, 103.7937), 18.0,
                     "twilight", [(0, 5.0), (20, 6.0)], [
        Track("car-10", "vehicle.car", line(12, 0.2, 5.4, 0.0), on=3.0, off=12.0, activity="moving",
              radar=True),
        Track("ped-13", "human.pedestrian.adult", line(46, -6.8, 0.8, 0.0), on=6.0, off=13.0,
              activity="moving"),
        Track("car-11", "vehicle.car", static(84, 5.3), on=13.0, off=16.0, activity="parked"),
    ]))
    return out


# ------------------------------------------------------------------ plants

def recs(scene, modality, track=None, t=None):
    out = [r for r in scene.records if r["modality"] == modality
           and (track is None or r.get("track") == track)
           and (t is None or 0 <= r["start"] - t < 0.06)]
    return out


def one(scene, modality, track, t):
    found = recs(scene, modality, track, t)
    assert len(found) == 1, (scene.key, modality, track, t, len(found))
    return found[0]


def plant_0061(s, rng):
    # disjoint: the light turns green at 15 s; in that frame ann-3 boxed it both red and green.
    for r in recs(s, "camera", "tl-01"):
        r["label"] = "traffic_light.red" if r["start"] < 15 else "traffic_light.green"
    green = one(s, "camera", "tl-01", 15.0)
    red = dict(green, label="traffic_light.red",
               box=[green["box"][0] - 1, green["box"][1] + 2, green["box"][2], green["box"][3]])
    s.records.insert(s.records.index(green), red)
    # duplicate_camera_box: car-01 boxed twice on CAM_FRONT at 6 s.
    c = one(s, "camera", "car-01", 6.0)
    dup = json.loads(json.dumps(c))
    dup["box"] = [c["box"][0] + 3, c["box"][1] + 2, c["box"][2] - 2, c["box"][3] - 1]
    s.records.insert(s.records.index(c) + 1, dup)
    # track_class_agrees: the oncoming pick-up is a car to the camera annotator
    # and a truck to the LiDAR annotator.
    for r in recs(s, "camera", "truck-01"):
        r["label"] = "vehicle.car"
    # bad_attribute: a free-text activity.
    one(s, "camera", "car-01", 4.0)["attrs"]["activity"] = "driving"
    # missing_extent: a pedestrian box whose pixels were lost in the export.
    del one(s, "camera", "ped-01", 11.0)["box"]
    # visibility_required: three cuboids of the parked car without visibility.
    for t in (3.0, 3.5, 4.0):
        del one(s, "lidar", "car-02", t)["attrs"]["visibility"]
    # gps_speed_disagrees: the receiver lost its velocity solution for two
    # fixes and reported 0 m/s while the ego drove at 10-11 m/s.
    for t in (13.0, 14.0):
        one(s, "gps", None, t)["attrs"]["speed"] = 0.0
    # pedestrian_subclass_agrees: the child beside ped-01 is an adult in the point cloud.
    for r in recs(s, "lidar", "child-01"):
        r["label"] = "human.pedestrian.adult"
    # radar_object_unmatched: a return off the bus shelter, no cuboid anywhere near.
    s.add({"modality": "radar", "label": "vehicle.car", "start": 15.03, "end": 15.03,
           "track": "rdr-0061-17", "box3d": [141.2, -9.4, 0.8, 4.6, 1.9, 1.6, 0.0],
           "source": "model", "confidence": 0.41})


def plant_1077(s, rng):
    # night_pedestrian_evidence: ped-07 stands in a dark bus shelter; in two
    # frames the camera annotator boxed it at the lowest visibility.
    for t in (13.0, 14.0):
        one(s, "camera", "ped-07", t)["attrs"]["visibility"] = "v0_40"
        one(s, "lidar", "ped-07", t)["attrs"]["visibility"] = "v40_60"
    # pedestrian_needs_lidar: ped-08 steps out from behind the parked delivery truck; the
    # LiDAR annotator started its track 3 s late.
    for r in list(recs(s, "lidar", "ped-08")):
        if r["start"] < 17.0:
            s.records.remove(r)
    # vehicle_activity_agrees: car-03 pulls out at 5 s; the camera still says parked at 6 s.
    one(s, "camera", "car-03", 6.0)["attrs"]["activity"] = "parked"
    # rider_agrees: one cuboid of the cyclist says the bicycle has no rider.
    r = one(s, "lidar", "cyc-02", 8.0)
    r["label"] = "vehicle.bicycle"
    r["attrs"]["rider"] = "without_rider"
    # rider_boxed_separately: the cyclist's rider also got pedestrian cuboids in two sweeps.
    for t in (10.0, 10.5):
        bike = one(s, "lidar", "cyc-02", t)
        x, y = bike["box3d"][0], bike["box3d"][1]
        s.records.insert(s.records.index(bike) + 1, {
            "modality": "lidar", "label": "human.pedestrian.adult", "start": t, "end": t,
            "track": "ped-15", "box3d": [r2(x + 0.1), r2(y + 0.05), 1.2, 0.6, 0.6, 1.7,
                                         bike["box3d"][6]],
            "annotator": "ann-5", "attrs": {"visibility": "v60_80", "activity": "moving"}})
    # visibility_agrees: two frames judged two bins apart.
    one(s, "camera", "ped-05", 2.0)["attrs"]["visibility"] = "v80_100"
    one(s, "lidar", "ped-05", 2.0)["attrs"]["visibility"] = "v40_60"
    one(s, "camera", "car-04", 4.0)["attrs"]["visibility"] = "v0_40"
    # impossible_track_jump: at 17.5 s the ped-03 cuboid was put on ped-04,
    # 8 m away (ped-04 has no cuboid of its own in that sweep).
    a = one(s, "lidar", "ped-03", 17.5)
    b = one(s, "lidar", "ped-04", 17.5)
    a["box3d"] = b["box3d"]
    s.records.remove(b)
    # parked_vehicle_moves: from 11.5 s on, the parked delivery truck's cuboid was re-fitted
    # 1.6 m further along (the points had shifted with the ego's pose error).
    for r in recs(s, "lidar", "truck-02"):
        if r["start"] >= 11.5:
            r["box3d"][0] = r2(r["box3d"][0] + 1.6)
    # gps_jump and gps_speed_disagrees: one multipath fix 120 m north.
    g = one(s, "gps", None, 11.0)
    g["geo"][0] = round(g["geo"][0] + 120.0 / 111320.0, 7)
    # radar_object_unmatched: two returns off a roadside railing.
    for t, x, y in ((5.03, 47.5, -8.9), (6.03, 52.0, -9.1)):
        s.add({"modality": "radar", "label": "movable_object.barrier", "start": t, "end": t,
               "track": "rdr-1077-%02d" % int(t), "box3d": [x, y, 0.5, 0.5, 2.2, 1.0, 0.0],
               "source": "model", "confidence": 0.38})
    # unknown_label: an e-scooter rider (nuScenes has the class; this ontology does not).
    s.add({"modality": "camera", "label": "human.pedestrian.personal_mobility",
           "start": 17.012, "end": 17.012, "track": "pm-01", "box": [958, 431, 38, 97],
           "annotator": "ann-3", "attrs": {"channel": "CAM_FRONT", "visibility": "v60_80"}})


def plant_0916(s, rng):
    # A logged LiDAR dropout from 9.3 s to 11.6 s: no sweeps from 9.5 s to 11.5 s.
    for r in list(s.records):
        if r["modality"] == "lidar" and 9.3 < r["start"] < 11.6:
            s.records.remove(r)
    s.add({"modality": "events", "label": "lidar dropout", "start": 9.3, "end": 11.6})


PLANTS = {"scene-0061": plant_0061, "scene-1077": plant_1077, "scene-0916": plant_0916}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "scenes.jsonl")
    rng = random.Random(SEED)
    order = {"events": 0, "camera": 1, "lidar": 2, "radar": 3, "gps": 4}
    prefix = {"events": "e", "camera": "c", "lidar": "l", "radar": "r", "gps": "g"}
    counters, lines = {}, []
    for scene in scenes():
        generate(scene, rng)
        if scene.key in PLANTS:
            PLANTS[scene.key](scene, rng)
        ordered = sorted(enumerate(scene.records), key=lambda ir: (
            order[ir[1]["modality"]], ir[1].get("start", -1.0), ir[0]))
        for _, r in ordered:
            p = prefix[r["modality"]]
            counters[p] = counters.get(p, 0) + 1
            rec = {"item": scene.key, "id": "%s-%04d" % (p, counters[p])}
            for k in ("modality", "label", "start", "end", "track", "box", "box3d", "geo",
                      "annotator", "source", "confidence", "attrs"):
                if k in r:
                    rec[k] = r[k]
            lines.append(json.dumps(rec, separators=(",", ":")))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
