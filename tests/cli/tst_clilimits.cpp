// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file `logitlab-cli limits`: the exp-limits table as JSON (one object per format, values that read
 * back exactly) and as text (the two tables and d2l's answer). Expected values are the published
 * thresholds (fdlibm's o_threshold/u_threshold for double exp, the ARM optimized routines' expf
 * limits 0x1.62e42ep6f and -0x1.9fe368p6f) and <cfloat>'s constants; derivations in
 * tests/core/precision/tst_explimits.cpp.
 */
#include "clirunner.h"

#include "precision/format.h"
#include "precision/mpfrutil.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <bit>
#include <cfloat>
#include <cstdint>

using namespace clirunner;

namespace {

/** The "formats" entry of the JSON whose dtype is \a name (empty if none). */
QJsonObject formatEntry(const QJsonObject &json, const char *name)
{
    for (const QJsonValue &v : json.value(QStringLiteral("formats")).toArray())
        if (v.toObject().value(QStringLiteral("dtype")).toString() == QLatin1String(name))
            return v.toObject();
    return {};
}

/** The dtypes of the JSON's rows, in order. */
QStringList dtypes(const QJsonObject &json)
{
    QStringList names;
    for (const QJsonValue &v : json.value(QStringLiteral("formats")).toArray())
        names << v.toObject().value(QStringLiteral("dtype")).toString();
    return names;
}

} // namespace

/** \brief logitlab-cli limits: JSON fields, --dtype lists, the table text and --help. */
class TestCliLimits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsonEveryFormat()
    {
        // Every format of the table, in its order (a new row of the format table appears by itself).
        const Run all = runCli(args({"limits", "--json"}));
        QCOMPARE(all.exitCode, 0);
        QVERIFY(all.err.isEmpty());
        QVERIFY(all.out.startsWith("{\"command\":\"limits\",\"formats\":[{\"dtype\":"));
        qsizetype from = 0;
        for (logitlab::Format f : logitlab::allFormats) {
            const QByteArray dtype = "{\"dtype\":\"" + QByteArray(logitlab::formatName(f).data()) + '"';
            const qsizetype at = all.out.indexOf(dtype, from);
            QVERIFY2(at > 0, dtype.constData());
            from = at + 1;
        }
        QCOMPARE(all.out.count("{\"dtype\":"), static_cast<qsizetype>(logitlab::allFormats.size()));
        // float80: the digits a double cannot hold are in the text. Its max (1.19e+4932) and min_subnormal
        // (4e-4951) are valid JSON numbers past double's range, and QJsonDocument refuses the document
        // ("illegal number"): the other formats are read with it below.
        QVERIFY2(all.out.contains("\"largest_x_exp_finite\":11356.523406294143949,"), all.out.constData());
        QVERIFY2(all.out.contains("\"max\":1.189731495357231765e+4932,"), all.out.constData());

        Run raw;
        const QJsonObject json = runJson(args({"limits", "--dtype", "float16,bfloat16,float32,float64"}), &raw);
        QCOMPARE(json.value(QStringLiteral("command")).toString(), QStringLiteral("limits"));
        QCOMPARE(dtypes(json).size(), 4);

        // float32: the published limits of expf, as float32 values (the JSON holds their shortest text).
        const QJsonObject f32 = formatEntry(json, "float32");
        QCOMPARE(static_cast<float>(number(f32.value(QStringLiteral("largest_x_exp_finite")))), 0x1.62e42ep6f);
        QCOMPARE(static_cast<float>(number(f32.value(QStringLiteral("smallest_x_exp_positive")))), -0x1.9fe368p6f);
        QCOMPARE(static_cast<float>(number(f32.value(QStringLiteral("smallest_x_exp_normal")))),
            std::bit_cast<float>(std::uint32_t {0xc2aeac4f}));
        QCOMPARE(static_cast<float>(number(f32.value(QStringLiteral("max")))), FLT_MAX);
        QCOMPARE(static_cast<float>(number(f32.value(QStringLiteral("min_subnormal")))), FLT_TRUE_MIN);
        QCOMPARE(static_cast<float>(number(f32.value(QStringLiteral("epsilon")))), FLT_EPSILON);
        // ln(FLT_MAX) = 88.7228390520683530 rounds to 88.72283935546875, one float above the limit.
        QCOMPARE(static_cast<float>(number(f32.value(QStringLiteral("ln_max")))), 88.72283935546875f);
        QCOMPARE(f32.value(QStringLiteral("ln_max_decimal")).toString(), QStringLiteral("88.722839052068353054"));
        QCOMPARE(f32.value(QStringLiteral("exp_inf_above")).toString(), QStringLiteral("88.722839081870676774"));
        QCOMPARE(f32.value(QStringLiteral("exp_zero_below")).toString(), QStringLiteral("-103.97207708399179641"));
        QCOMPARE(f32.value(QStringLiteral("exp_subnormal_below")).toString(), QStringLiteral("-87.336544810157755538"));
        QVERIFY2(raw.out.contains("\"largest_x_exp_finite\":88.72283,"), raw.out.constData());

        // float64: fdlibm's o_threshold and u_threshold.
        const QJsonObject f64 = formatEntry(json, "float64");
        QCOMPARE(number(f64.value(QStringLiteral("largest_x_exp_finite"))), 7.09782712893383973096e+02);
        QCOMPARE(number(f64.value(QStringLiteral("smallest_x_exp_positive"))), -7.45133219101941108420e+02);
        QCOMPARE(number(f64.value(QStringLiteral("min_subnormal"))), DBL_TRUE_MIN);

        // float16: max 65504 prints as 65500, the shortest text that reads back to it in float16.
        const QJsonObject f16 = formatEntry(json, "float16");
        QCOMPARE(number(f16.value(QStringLiteral("max"))), 65500.0);
        QCOMPARE(*logitlab::decimalToFormat("65500", logitlab::Format::Float16), 65504.0L);
        QCOMPARE(number(f16.value(QStringLiteral("largest_x_exp_finite"))), 11.086); // 11.0859375 = 1419/128
        QCOMPARE(*logitlab::decimalToFormat("11.086", logitlab::Format::Float16), 11.0859375L);
    }

    void dtypeList()
    {
        QCOMPARE(dtypes(runJson(args({"limits", "--dtype", "bf16,fp64"}))),
            QStringList({QStringLiteral("bfloat16"), QStringLiteral("float64")}));
        QCOMPARE(dtypes(runJson(args({"limits", "--dtype", "half", "--dtype", "float32,fp32"}))),
            QStringList({QStringLiteral("float16"), QStringLiteral("float32")}));
    }

    void table()
    {
        const Run r = runCli(args({"limits", "--dtype", "float32,float64"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'));
        const auto row = [&](const QString &start, int nth) {
            int seen = 0;
            for (const QString &line : lines)
                if (line.startsWith(start) && seen++ == nth)
                    return line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            return QStringList();
        };
        // Columns are separated by two or more spaces; the first line of each table is its header.
        const QRegularExpression gap(QStringLiteral(" {2,}"));
        QCOMPARE(lines.value(2).split(gap),
            QStringList({QStringLiteral("dtype"), QStringLiteral("epsilon"), QStringLiteral("max"),
                QStringLiteral("min_normal"), QStringLiteral("min_subnormal"), QStringLiteral("ln(max)"),
                QStringLiteral("largest x, exp finite"), QStringLiteral("smallest x, exp > 0"),
                QStringLiteral("smallest x, exp normal")}));
        QVERIFY(lines.contains(QStringLiteral("the exact thresholds (real x, at least 20 significant digits):")));
        QCOMPARE(row(QStringLiteral("float32 "), 0),
            QStringList({QStringLiteral("float32"), QStringLiteral("1.1920929e-07"), QStringLiteral("3.4028235e+38"),
                QStringLiteral("1.1754944e-38"), QStringLiteral("1e-45"), QStringLiteral("88.72284"),
                QStringLiteral("88.72283"), QStringLiteral("-103.97208"), QStringLiteral("-87.33654")}));
        QCOMPARE(row(QStringLiteral("float32 "), 1),
            QStringList({QStringLiteral("float32"), QStringLiteral("88.722839081870676774"),
                QStringLiteral("-103.97207708399179641"), QStringLiteral("-87.336544810157755538"),
                QStringLiteral("88.722839052068353054")}));
        QCOMPARE(row(QStringLiteral("float64 "), 0).mid(6),
            QStringList({QStringLiteral("709.782712893384"), QStringLiteral("-745.1332191019411"),
                QStringLiteral("-708.3964185322641")}));
        // The explanation under the tables answers d2l's exercise for the formats shown.
        const QString text = QString::fromUtf8(r.out).simplified();
        QVERIFY2(text.contains(QStringLiteral("(d2l's exercise): float32 -103.97208 <= x <= 88.72283 (normal from "
                                              "-87.33654); float64 -745.1332191019411 <= x <= 709.782712893384")),
            r.out.constData());
        QVERIFY2(text.contains(QStringLiteral("Careful: in float32, ln(max) rounded to the format is above the "
                                              "largest x")),
            r.out.constData());
    }

    void help()
    {
        const Run top = runCli(args({"--help"}));
        QCOMPARE(top.exitCode, 0);
        QVERIFY(top.out.contains("  limits "));
        const Run own = runCli(args({"limits", "--help"}));
        QCOMPARE(own.exitCode, 0);
        QVERIFY(own.out.contains("--dtype <LIST>"));
    }
};

QTEST_APPLESS_MAIN(TestCliLimits)
#include "tst_clilimits.moc"
