package org.clinictracker.procedures.catalogue;

/** Where on the body a target nerve is treated: groups the nerve catalogue and the clinic's reports. */
public enum BodyRegion {
    HEAD_AND_FACE,
    CERVICAL_SPINE,
    SHOULDER,
    /** Thoracic wall, breast and axilla: post-thoracotomy and post-mastectomy pain. */
    CHEST_WALL,
    LUMBAR_SPINE,
    HIP,
    THIGH,
    KNEE,
    LOWER_LEG_AND_FOOT,
    FOREARM_AND_HAND,
    /** A nerve outside the catalogue ({@link TargetNerve#OTHER}), described in free text. */
    OTHER
}
