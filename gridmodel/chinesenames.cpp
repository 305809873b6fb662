#include "chinesenames.h"

#include <QStringList>

namespace gridmodel::ChineseNames {

namespace {

const QStringList& roadStems()
{
    static const QStringList stems =
        QStringLiteral(
            "文化路 丰产路 花园路 东风路 南阳路 杜岭 大石桥 人民路 经八路 未来路 北林路 国基路 兴达路 祭城路 "
            "建设路 解放路 中原路 桐柏路 嵩山路 秦岭路 伏牛路 棉纺路 工人路 黄河路 金水路 农业路 纬五路 "
            "红旗路 二七路 陇海路 长江路 淮河路 航海路 京广路 大学路 政通路 南关 北关 西大街 东大街")
            .split(QLatin1Char(' '));
    return stems;
}

const QStringList& communityStems()
{
    static const QStringList stems =
        QStringLiteral(
            "锦绣 和平 幸福 丽水 金桂 南园 北苑 清华园 红旗 工人新村 银河 紫荆 绿城 春晖 阳光 康宁 "
            "翠竹 明珠 百花 桃源 新华 光明 团结 友爱 东明 西湖 金色港湾 文博 科苑 雅居 泰和 瑞祥 "
            "民生 同乐 馨园 曙光 凤凰 兴隆 安居 福华")
            .split(QLatin1Char(' '));
    return stems;
}

QString numbered(const QString& stem, int round)
{
    return round == 0 ? stem : stem + ordinal(round + 1);
}

} // namespace

QString ordinal(int number)
{
    static const QString digits = QStringLiteral("零一二三四五六七八九");
    if (number < 10)
        return digits.mid(number, 1);
    const int tens = number / 10, ones = number % 10;
    QString text = (tens == 1 ? QString() : digits.mid(tens % 10, 1)) + QStringLiteral("十");
    if (ones)
        text += digits.mid(ones, 1);
    return text;
}

QString streetName(int index)
{
    const QStringList& stems = roadStems();
    return numbered(stems.at(index % stems.size()), index / static_cast<int>(stems.size())) +
           QStringLiteral("街道");
}

QString communityName(int index)
{
    const QStringList& stems = communityStems();
    return numbered(stems.at(index % stems.size()), index / static_cast<int>(stems.size())) +
           QStringLiteral("社区");
}

QString personName(QRandomGenerator& random, bool female)
{
    static const QStringList surnames =
        QStringLiteral("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 "
                       "邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡")
            .split(QLatin1Char(' '));
    static const QStringList male =
        QStringLiteral("建国 志强 国华 永刚 海涛 建军 明 伟 磊 军 勇 杰 涛 超 鹏 浩 宇 俊杰 文博 振华 卫东 "
                       "红军 德华 庆丰 子轩 立新 保国 新民")
            .split(QLatin1Char(' '));
    static const QStringList femaleNames =
        QStringLiteral("秀英 桂英 玉兰 丽 静 敏 燕 艳 娟 霞 芳 婷 慧 红梅 淑珍 凤兰 雪梅 晓燕 文静 佳怡 欣怡 "
                       "秋菊 春花 亚萍 海燕 丽华 金凤")
            .split(QLatin1Char(' '));
    const QStringList& given = female ? femaleNames : male;
    return surnames.at(random.bounded(static_cast<int>(surnames.size()))) +
           given.at(random.bounded(static_cast<int>(given.size())));
}

QString mobilePhone(QRandomGenerator& random)
{
    static const int prefixes[] = {130, 131, 132, 135, 136, 137, 138, 139, 150, 151,
                                   155, 158, 159, 166, 176, 177, 180, 186, 187, 189};
    const int prefix = prefixes[random.bounded(static_cast<int>(sizeof prefixes / sizeof prefixes[0]))];
    return QStringLiteral("%1%2").arg(prefix).arg(random.bounded(100000000), 8, 10, QLatin1Char('0'));
}

} // namespace gridmodel::ChineseNames
