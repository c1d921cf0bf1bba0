package org.clinictracker.followups.patientlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.clinictracker.followups.patientlink.LinkTokens.IssuedToken;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    final LinkTokens tokens = new LinkTokens();

    @Test
    void aTokenIs43UrlSafeCharactersCarrying256Bits() {
        IssuedToken issued = tokens.issue();

        assertThat(issued.token()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(issued.token())).hasSize(32);
        assertThat(issued.hash()).isEqualTo(tokens.hash(issued.token())).matches("[0-9a-f]{64}");
        assertThat(tokens.wellFormed(issued.token())).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(tokens.issue().token());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void theHashIsSha256InLowercaseHex() {
        // FIPS 180-2 test vector
        assertThat(tokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(tokens.hash("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void onlyFortyThreeBase64UrlCharactersAreWellFormed() {
        String good = "A".repeat(42) + "_";
        assertThat(tokens.wellFormed(good)).isTrue();
        assertThat(tokens.wellFormed("-".repeat(43))).isTrue();
        assertThat(tokens.wellFormed(null)).isFalse();
        assertThat(tokens.wellFormed("")).isFalse();
        assertThat(tokens.wellFormed("A".repeat(42))).isFalse();
        assertThat(tokens.wellFormed("A".repeat(44))).isFalse();
        assertThat(tokens.wellFormed("A".repeat(42) + "+")).isFalse();
        assertThat(tokens.wellFormed("A".repeat(42) + "/")).isFalse();
        assertThat(tokens.wellFormed("A".repeat(42) + "=")).isFalse();
        assertThat(tokens.wellFormed("A".repeat(42) + "\n")).isFalse();
        assertThat(tokens.wellFormed("A".repeat(41) + "é")).isFalse();
    }

    @Test
    void theIssuedTokenNeverShowsItsSecretWhenPrinted() {
        IssuedToken issued = tokens.issue();
        assertThat(issued.toString()).doesNotContain(issued.token());
    }
}
