package org.imrflow.intake.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MedicalRecordCheckTest {
    private static final long LIMIT = 1_000;
    private final MedicalRecordCheck check = new MedicalRecordCheck(LIMIT);

    /** The first bytes of real files of each accepted type. */
    private static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452");
    private static final byte[] JPEG = HexFormat.of().parseHex("ffd8ffe000104a464946000101");
    private static final byte[] TIFF_LITTLE_ENDIAN = HexFormat.of().parseHex("49492a0008000000");
    private static final byte[] TIFF_BIG_ENDIAN = HexFormat.of().parseHex("4d4d002a00000008");

    private Optional<MedicalRecordCheck.Refusal> check(String mediaType, byte[] start) {
        return check.check(mediaType, start.length, start);
    }

    @ParameterizedTest
    @CsvSource({
            "application/pdf, 255044462d312e370a", // %PDF-1.7\n
            "image/png,       89504e470d0a1a0a0000000d49484452",
            "image/jpeg,      ffd8ffe000104a464946", // JFIF
            "image/jpeg,      ffd8ffe1001845786966", // Exif
            "image/tiff,      49492a0008000000", // little-endian, "II*\0"
            "image/tiff,      4d4d002a00000008", // big-endian, "MM\0*"
    })
    void eachAcceptedTypeWithItsRealSignaturePasses(String mediaType, String startHex) {
        byte[] start = HexFormat.of().parseHex(startHex);
        assertEquals(Optional.empty(), check.check(mediaType, 500, start));
    }

    @Test
    void theAcceptedTypesArePdfPngJpegAndTiff() {
        assertEquals(Set.of("application/pdf", "image/png", "image/jpeg", "image/tiff"), MedicalRecordCheck.acceptedTypes());
    }

    @Test
    void theWholeContentOfAFileMayBeGivenAsItsStart() {
        assertEquals(Optional.empty(), check("application/pdf", PDF));
        assertEquals(Optional.empty(), check("image/png", PNG));
        assertEquals(Optional.empty(), check("image/jpeg", JPEG));
        assertEquals(Optional.empty(), check("image/tiff", TIFF_LITTLE_ENDIAN));
        assertEquals(Optional.empty(), check("image/tiff", TIFF_BIG_ENDIAN));
    }

    @Test
    void exactlyTheSignatureIsEnough() {
        assertEquals(Optional.empty(), check("application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), check("image/jpeg", HexFormat.of().parseHex("ffd8ff")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Application/PDF; charset=x", "APPLICATION/PDF", "application/pdf;", " application/pdf ",
            "application/pdf ; name=\"report.pdf\""})
    void mediaTypeParametersCaseAndSpacesAreIgnored(String mediaType) {
        assertEquals(Optional.empty(), check(mediaType, PDF));
        assertEquals("application/pdf", MedicalRecordCheck.essence(mediaType));
    }

    @Test
    void theEssenceOfNoMediaTypeIsEmpty() {
        assertEquals("", MedicalRecordCheck.essence(null));
        assertEquals("image/tiff", MedicalRecordCheck.essence("Image/TIFF"));
    }

    @Test
    void anEmptyUploadIsRefusedAsEmpty() {
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.EMPTY), check.check("application/pdf", 0, new byte[0]));
    }

    @Test
    void anEmptyUploadIsRefusedAsEmptyWhateverItsType() {
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.EMPTY), check.check("text/plain", 0, new byte[0]));
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.EMPTY), check.check(null, 0, new byte[0]));
    }

    @Test
    void anUploadOverTheLimitIsRefusedAsTooLarge() {
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.TOO_LARGE), check.check("application/pdf", LIMIT + 1, PDF));
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.TOO_LARGE), check.check("application/pdf", Long.MAX_VALUE, PDF));
    }

    @Test
    void anUploadOfExactlyTheLimitPasses() {
        assertEquals(Optional.empty(), check.check("application/pdf", LIMIT, PDF));
        assertEquals(Optional.empty(), new MedicalRecordCheck(1).check("image/jpeg", 1, JPEG), "a one-byte limit");
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.TOO_LARGE), new MedicalRecordCheck(1).check("image/jpeg", 2, JPEG));
    }

    @Test
    void aTooLargeUploadIsRefusedForItsSizeWhateverItsType() {
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.TOO_LARGE), check.check("text/plain", LIMIT + 1, PDF));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"text/plain", "application/octet-stream", "image/gif", "application/msword", "application/pdfx",
            "application", "pdf"})
    void anUnknownTypeIsRefusedAsUnsupported(String mediaType) {
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.UNSUPPORTED_TYPE), check(mediaType, PDF));
    }

    @Test
    void aPngLabelledPdfIsRefusedAsNotOfItsType() {
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE), check("application/pdf", PNG));
    }

    @Test
    void everyAcceptedTypeRefusesAnotherTypesContent() {
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE), check("image/png", PDF));
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE), check("image/jpeg", PNG));
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE), check("image/tiff", JPEG));
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE), check("application/pdf", TIFF_BIG_ENDIAN));
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE),
                check("application/pdf", "Dear Dr. Smith".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aTiffMustKeepOneByteOrder() {
        // "II" with the big-endian 42, and "MM" with the little-endian one
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE), check("image/tiff", HexFormat.of().parseHex("4949002a")));
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE), check("image/tiff", HexFormat.of().parseHex("4d4d2a00")));
    }

    @Test
    void theSignatureMustBeAtTheStart() {
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE),
                check("application/pdf", " %PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE),
                check("application/pdf", "%pdf-1.7".getBytes(StandardCharsets.US_ASCII)), "the signature's case matters");
    }

    @Test
    void aBodyShorterThanItsSignatureIsRefusedAsNotOfItsType() {
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE),
                check("application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE), check("image/png", HexFormat.of().parseHex("89504e47")));
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE), check("image/jpeg", HexFormat.of().parseHex("ffd8")));
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE), check("image/tiff", HexFormat.of().parseHex("4949")));
        // "II*" lacks only the signature's last byte, a zero: it must not be taken as padded out with one
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE), check("image/tiff", HexFormat.of().parseHex("49492a")));
        assertEquals(Optional.of(MedicalRecordCheck.Refusal.CONTENT_NOT_OF_TYPE),
                check.check("application/pdf", 400, new byte[0]), "no start given for a long body");
    }

    @Test
    void theLimitIsAtLeastOneByte() {
        assertThrows(IllegalArgumentException.class, () -> new MedicalRecordCheck(0));
        assertThrows(IllegalArgumentException.class, () -> new MedicalRecordCheck(-1));
        assertEquals(1, new MedicalRecordCheck(1).maxBytes());
        assertEquals(LIMIT, check.maxBytes());
    }
}
