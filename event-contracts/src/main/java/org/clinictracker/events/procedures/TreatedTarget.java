package org.clinictracker.events.procedures;

/** A treated nerve as events carry it: catalogue code, side and spinal level (null where none). */
public record TreatedTarget(String nerve, String laterality, String level) {
}
