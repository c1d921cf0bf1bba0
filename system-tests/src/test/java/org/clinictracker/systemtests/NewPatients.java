package org.clinictracker.systemtests;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Distinct, plausible people to register in bulk: patient {@code n} has the n-th pair of a given and a family name
 * (2,000 pairs, no two alike, so patient-service's duplicate check never fires between them) and a birth date spread
 * over fifty years from a start drawn per run, with an indication, side and pain score a pain clinic sees. Test
 * classes take disjoint ranges of {@code n}.
 */
final class NewPatients {

    static final int PEOPLE = 2000;

    private static final List<String> WOMEN = List.of("Maria", "Anna", "Elena", "Sofia", "Ingrid", "Margarethe", "Ruth",
            "Helena", "Clara", "Johanna", "Agnes", "Beatrix", "Dorothea", "Edith", "Frieda", "Greta", "Hanna", "Irene",
            "Lena", "Marta");
    private static final List<String> MEN = List.of("Josef", "Karl", "Thomas", "Peter", "Andreas", "Michael", "Stefan",
            "Walter", "Franz", "Georg", "Heinrich", "Jakob", "Lukas", "Matthias", "Niklas", "Paul", "Rudolf", "Simon",
            "Tobias", "Viktor");
    private static final List<String> FAMILY = List.of("Huber", "Bauer", "Wagner", "Gruber", "Pichler", "Steiner",
            "Moser", "Mayer", "Hofer", "Leitner", "Berger", "Fuchs", "Eder", "Fischer", "Schmid", "Winkler", "Weber",
            "Schwarz", "Maier", "Schneider", "Reiter", "Mayr", "Schmidt", "Wimmer", "Egger", "Brunner", "Lang",
            "Baumgartner", "Auer", "Binder", "Lechner", "Wolf", "Wallner", "Aigner", "Ebner", "Koller", "Lehner",
            "Haas", "Schuster", "Holzer", "Kaiser", "Lindner", "Kofler", "Stadler", "Heinz", "Strasser", "Seidl",
            "Koch", "Graf", "Hofmann");
    private static final List<String> INDICATIONS = List.of("KNEE_OSTEOARTHRITIS", "LOW_BACK_FACET_PAIN",
            "OCCIPITAL_NEURALGIA", "INTERCOSTAL_NEURALGIA", "POST_MASTECTOMY_PAIN", "PHANTOM_LIMB_PAIN");
    private static final List<String> SIDES = List.of("LEFT", "RIGHT", "BILATERAL");

    private final LocalDate earliestBirthDate = LocalDate.of(1936, 1, 1)
            .plusDays(ThreadLocalRandom.current().nextInt(3000));

    /** The registration body ({@code POST /api/patients}) of patient {@code n}, 0 ≤ n < {@link #PEOPLE}. */
    String registration(int n) {
        if (n < 0 || n >= PEOPLE) {
            throw new IllegalArgumentException("only " + PEOPLE + " distinct people: " + n);
        }
        boolean woman = n % 2 == 0;
        List<String> givenNames = woman ? WOMEN : MEN;
        String given = givenNames.get((n / 2) % givenNames.size());
        String family = FAMILY.get(n / (2 * givenNames.size()));
        LocalDate birthDate = earliestBirthDate.plusDays((n * 7919L) % (50 * 365));
        return """
                {"givenName":"%s","familyName":"%s","birthDate":"%s","sex":"%s",
                 "phone":"+43 660 %07d","preferredLanguage":"de",
                 "indication":{"code":"%s"},"laterality":"%s","painDurationMonths":%d,"baselinePainScore":%d}
                """.formatted(given, family, birthDate, woman ? "FEMALE" : "MALE", 1_000_000 + n,
                INDICATIONS.get(n % INDICATIONS.size()), SIDES.get(n % SIDES.size()), 6 + n % 60, 5 + n % 5);
    }
}
