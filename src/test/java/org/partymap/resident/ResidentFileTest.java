package org.partymap.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentFileTest {

    private static ResidentFile.Parsed read(String text) {
        return ResidentFile.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "320902195001011234, 320902********1234",
            "32090219500101123x, 320902********123X",
            "320902500101123,    320902******123"})
    void anIdNumberKeepsItsRegionAndLastFourAndLosesItsBirthDate(String id, String masked) {
        assertEquals(masked, IdNumberMask.mask(id));
        assertTrue(masked.matches("^[0-9]{0,6}\\*+[0-9Xx]{0,4}$"), "fits resident.id_masked's CHECK");
    }

    @Test
    void theDemosColumnsAreReadAndTheIdIsMaskedAsTheRowIsRead() {
        var parsed = read("序号,姓名,性别,出生日期,身份证号,联系电话,居住地址,户籍地址,人员类型,关爱类别\n"
                + "1,周山,男,1931-04-07,320902193104076735,10029197523,河西路937号,江苏省盐城市,户籍人口,空巢老人、高龄老人\n");
        ResidentFile.Row row = parsed.rows().get(0);
        assertEquals(new ResidentFile.Row(2, "周山", "10029197523", "320902********6735", "河西路937号", List.of("空巢老人", "高龄老人")), row);
        assertEquals("UTF-8", parsed.encoding());
    }

    @Test
    void englishAliasesAndMissingOptionalColumnsAreFine() {
        ResidentFile.Row row = read("address,name\n人民路12号,张三\n").rows().get(0);
        assertEquals("张三", row.name());
        assertEquals(null, row.idMasked());
        assertEquals(List.of(), row.careTags());
    }

    @Test
    void everyBadRowIsNamedByItsLineUpToTwentyAndNoValueIsRepeated() {
        var text = new StringBuilder("姓名,身份证号,居住地址,联系电话\n");
        for (int i = 0; i < 25; i++) {
            text.append("张三,12345,人民路12号,100\n");
        }
        var refused = assertThrows(ResidentFile.Refused.class, () -> read(text.toString()));
        assertEquals(21, refused.problems().size());
        assertTrue(refused.problems().get(0).startsWith("line 2: 身份证号 is not an ID number"), refused.problems().get(0));
        assertEquals("… and 5 more", refused.problems().get(20));
        assertFalse(String.join(" ", refused.problems()).contains("12345"));
    }

    @Test
    void aPhoneThatIsNoPhoneAndTooManyTagsAreRefused() {
        var refused = assertThrows(ResidentFile.Refused.class, () -> read("姓名,居住地址,电话,关爱类别\n"
                + "张三,人民路12号,=HYPERLINK(1),\n李四,人民路13号,100,a b c d e f g h i j k\n"));
        assertEquals(List.of("line 2: 电话 is not a phone number (digits, spaces, + - ( ), at most 24 characters)",
                "line 3: 关爱类别 has more than 10 care tags or one longer than 16 characters"), refused.problems());
    }

    @Test
    void aRaggedRowDoesNotHideTheOtherBadLinesWhichComeInLineOrderWhateverTheirKind() {
        var refused = assertThrows(ResidentFile.Refused.class, () -> read("姓名,身份证号,居住地址\n"
                + ",,人民路1号\n"
                + "\"李四\"x,,人民路2号\n"
                + "王五,人民路3号\n"
                + "赵六,12345,人民路4号\n"
                + "钱七,,人民路5号\n"));
        assertEquals(List.of("line 2: 姓名 is empty", "line 3: text after a closing quote", "line 4: 2 fields, but the header has 3",
                "line 5: 身份证号 is not an ID number (18 characters: 17 digits and a digit or X; or 15 digits)"), refused.problems());
    }

    @Test
    void raggedRowsCountTowardsTheTwentyListed() {
        var text = new StringBuilder("姓名,居住地址\n");
        for (int i = 0; i < 30; i++) {
            text.append(i % 2 == 0 ? "张三\n" : ",人民路12号\n");
        }
        var refused = assertThrows(ResidentFile.Refused.class, () -> read(text.toString()));
        assertEquals(21, refused.problems().size());
        assertEquals("line 2: 1 field, but the header has 2", refused.problems().get(0));
        assertEquals("line 3: 姓名 is empty", refused.problems().get(1));
        assertEquals("… and 10 more", refused.problems().get(20));
    }
}
