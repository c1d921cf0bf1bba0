package org.clinictracker.followups.protocol;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.security.Clinician;
import org.clinictracker.vocabulary.Modality;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's follow-up schedules. A change adds a new version and leaves the old ones as they were,
 * so a plan made earlier still names the schedule it followed (issue 7: a change applies to later plans).
 */
@Service
public class FollowUpProtocols {

    private final ProtocolRepository protocols;
    private final Clock clock;

    FollowUpProtocols(ProtocolRepository protocols, Clock clock) {
        this.protocols = protocols;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Protocol> current() {
        return protocols.latestOfEach();
    }

    @Transactional(readOnly = true)
    public Protocol current(Modality modality) {
        return protocols.latest(modality).orElseThrow(() -> ProblemException.notFound("Protocol", modality));
    }

    @Transactional(readOnly = true)
    public List<Protocol> versions(Modality modality) {
        return protocols.versions(modality);
    }

    /** Replaces the modality's schedule with a new version; 412 if {@code expectedVersion} is no longer current. */
    @Transactional
    public Protocol replace(Modality modality, int expectedVersion, List<ProtocolVisit> visits) {
        List<FieldError> violations = ProtocolRules.violations(visits);
        if (!violations.isEmpty()) {
            throw ProblemException.ruleViolations(violations);
        }
        int latest = protocols.lockLatestVersion(modality)
                .orElseThrow(() -> ProblemException.notFound("Protocol", modality));
        if (latest != expectedVersion) {
            throw ProblemException.staleVersion(expectedVersion, latest);
        }
        protocols.insert(modality, latest + 1, visits, Clinician.current().username(), Instant.now(clock));
        return current(modality);
    }

    /** The modality a path names, in any letter case; an unknown one is a protocol that does not exist. */
    static Modality modality(String name) {
        try {
            return Modality.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.notFound("Protocol", name);
        }
    }
}
