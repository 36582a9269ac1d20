package org.partymap.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressNormalizerTest {

    private final AddressNormalizer normalizer = new AddressNormalizer();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            江苏省盐城市亭湖区万方花园3幢2单元501室   | 万方花园3幢2单元501室
            盐城市亭湖区人民路12号                    | 人民路12号
            亭湖区人民路12号                          | 人民路12号
            江苏盐城人民路12号                        | 人民路12号
            盐城人民路12号                            | 人民路12号
            江苏盐城亭湖先锋街道                      | 先锋街道
            江苏省盐城市人民路１２号                  | 人民路12号
            万方花园三号楼二单元五零一室              | 万方花园3幢2单元501室
            万方花园十二栋                            | 万方花园12幢
            人民路二十一号                            | 人民路21号
            一〇二室                                  | 102室
            万方花园3栋2单元                          | 万方花园3幢2单元
            万方花园3座                               | 万方花园3幢
            万方花园3#2单元                           | 万方花园3幢2单元
            万方花园3#楼                              | 万方花园3幢
            万方花园3号楼                             | 万方花园3幢
            万方花园３＃楼                            | 万方花园3幢
            三元巷5号                                 | 三元巷5号
            五星街道                                  | 五星街道
            十里铺12号                                | 十里铺12号
            九龙花园                                  | 九龙花园
            幸福一巷8号                               | 幸福一巷8号
            二十一世纪花园3号楼                       | 二十一世纪花园3幢
            万方花园 3 2 501                          | 万方花园3-2-501
            万方花园3－2－501                         | 万方花园3-2-501
            万方花园3—2—501                           | 万方花园3-2-501
            人民路12号（万方花园南门）                | 人民路12号万方花园南门
            【万方花园】3幢                           | 万方花园3幢
            人民路12号之一                            | 人民路12号之1
            万方花园Ａ座301室                         | 万方花园A幢301室
            万方花园a座                               | 万方花园A幢
            B栋1202                                   | B幢1202
            '  人民路  12号 '                          | 人民路12号
            人民路12—1号                              | 人民路12-1号
            人民路12号-3单元                          | 人民路12号3单元
            万方花园二期3幢                           | 万方花园2期3幢
            四季花城一期二区3幢                       | 四季花城1期2区3幢
            万方花园第三栋                            | 万方花园3幢
            万方花园3单501                            | 万方花园3单元501
            万方花园3幢501房                          | 万方花园3幢501室
            人民路一百零八号                          | 人民路108号
            人民路一百号                              | 人民路100号
            人民路十号                                | 人民路10号
            人民路两百号                              | 人民路200号
            万方花园七楼                              | 万方花园7楼
            万方花园十五层                            | 万方花园15层
            三单元                                    | 3单元
            五星路十二号                              | 五星路12号
            人民路12号,3单元                          | 人民路12号3单元
            万方花园3幢2单元501室。                   | 万方花园3幢2单元501室
            南京东路12号                              | 南京东路12号
            东台市场路3号                             | 东台市场路3号
            盐城市民广场                              | 盐城市民广场
            盐城市莲花路社区                          | 莲花路社区
            滨海花园3幢                               | 滨海花园3幢
            3-2-501万方花园                           | 3-2-501万方花园
            盐城市亭湖区                              | ''
            """)
    void normalisesRealWorldForms(String raw, String expected) {
        assertEquals(expected, normalizer.normalize(raw).text());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            江苏省盐城市亭湖区人民路12号        | 江苏省:320000 盐城市:320900 亭湖区:320902
            江苏盐城人民路12号                  | 江苏:320000 盐城:320900
            盐城市盐都区人民路12号              | 盐城市:320900 盐都区:320903
            南京市鼓楼区中山路12号              | 南京市:320100 鼓楼区:320106
            上海市浦东新区世纪大道100号         | 上海市:310000 浦东新区:null
            江苏省盐城市盐南高新区人民路12号    | 江苏省:320000 盐城市:320900 盐南高新区:null
            江苏省某某市某某县人民路1号         | 江苏省:320000 某某市:null 某某县:null
            南京鼓楼区中山路12号                | 南京:320100 鼓楼区:320106
            人民路12号                          | ''
            """)
    void keepsTheAdministrativePrefixAsHints(String raw, String expected) {
        String hints = normalizer.normalize(raw).regions().stream()
                .map(r -> r.name() + ":" + r.code()).collect(Collectors.joining(" "));
        assertEquals(expected, hints);
    }

    @Test
    void nothingOrBlankNormalisesToEmpty() {
        assertEquals("", normalizer.normalize(null).text());
        assertEquals("", normalizer.normalize(" \t\u3000 ").text());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            一           | 1
            十           | 10
            十二         | 12
            二十         | 20
            二十一       | 21
            一百零八     | 108
            一百一十     | 110
            三千零五     | 3005
            一〇二       | 102
            五零一       | 501
            两百         | 200
            """)
    void readsChineseNumerals(String numeral, String digits) {
        assertEquals(digits, ChineseNumerals.toDigits(numeral));
    }

    @Test
    void malformedNumeralsAreNotNumbers() {
        assertEquals(null, ChineseNumerals.toDigits("十十"));
        assertEquals(null, ChineseNumerals.toDigits("三二十"));
    }
}
