// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file `logitlab-cli sum`: both modes (--values and --repeat/--count) as JSON and as text. Expected
 * values are derived beside each check (the derivations in full are in tests/core/sum/): float16
 * holds the integers up to 2^11 = 2048, and 2048 + 1 is a tie that rounds to the even 2048; 0.1 in
 * float64 is 3602879701896397 * 2^-55, so ten of them are exactly 1 + 2^-54.
 */
#include "clirunner.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace clirunner;

namespace {

QJsonObject method(const QJsonObject &json, const char *name)
{
    return json.value(QStringLiteral("methods")).toObject().value(QLatin1String(name)).toObject();
}

double sumOf(const QJsonObject &json, const char *name)
{
    return number(method(json, name).value(QStringLiteral("sum")));
}

/** The words of the table row that starts with \a start (columns are two or more spaces apart). */
QStringList tableRow(const QByteArray &out, const QString &start)
{
    for (const QString &line : QString::fromUtf8(out).split(QLatin1Char('\n')))
        if (line.startsWith(start + QLatin1Char(' ')))
            return line.split(QRegularExpression(QStringLiteral(" {2,}")));
    return {};
}

} // namespace

/** \brief logitlab-cli sum: values and repeat modes, JSON and text, the stagnation point, --help. */
class TestCliSum : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void repeatJson()
    {
        // 4096 ones in float16: recursive stops at 2048 (2048 + 1 = 2048); pairwise adds powers of two
        // exactly; Kahan carries the lost ones; float32 holds 4096. The spacing at 4096 is 4: the
        // recursive sum is (4096 - 2048) / 4 = 512 ulps and half the exact sum away.
        Run raw;
        const QJsonObject json = runJson(args({"sum", "--repeat", "1", "--count", "4096", "--dtype", "half"}), &raw);
        QVERIFY(raw.err.isEmpty());
        QCOMPARE(json.value(QStringLiteral("command")).toString(), QStringLiteral("sum"));
        QCOMPARE(json.value(QStringLiteral("dtype")).toString(), QStringLiteral("float16"));
        QCOMPARE(json.value(QStringLiteral("mode")).toString(), QStringLiteral("repeat"));
        QCOMPARE(number(json.value(QStringLiteral("repeat"))), 1.0);
        QCOMPARE(json.value(QStringLiteral("count")).toInteger(), 4096);
        QCOMPARE(json.value(QStringLiteral("exact_decimal")).toString(), QStringLiteral("4096"));
        QCOMPARE(sumOf(json, "recursive"), 2048.0);
        QCOMPARE(sumOf(json, "pairwise"), 4096.0);
        QCOMPARE(sumOf(json, "kahan"), 4096.0);
        QCOMPARE(sumOf(json, "wider"), 4096.0);
        QCOMPARE(number(method(json, "recursive").value(QStringLiteral("ulp_error"))), 512.0);
        QCOMPARE(number(method(json, "recursive").value(QStringLiteral("relative_error"))), 0.5);
        QCOMPARE(number(method(json, "kahan").value(QStringLiteral("ulp_error"))), 0.0);
        QCOMPARE(method(json, "wider").value(QStringLiteral("accumulator")).toString(), QStringLiteral("float32"));
        QCOMPARE(method(json, "kahan").value(QStringLiteral("accumulator")).toString(), QStringLiteral("float16"));
        const QJsonObject stagnation = json.value(QStringLiteral("stagnation")).toObject();
        QCOMPARE(stagnation.value(QStringLiteral("status")).toString(), QStringLiteral("stagnates"));
        QCOMPARE(stagnation.value(QStringLiteral("terms")).toInteger(), 2048);
        QCOMPARE(number(stagnation.value(QStringLiteral("sum"))), 2048.0);

        // float32: 2^24 = 16777216, a count of 2^24 + 10 is past it.
        const QJsonObject f32 = runJson(args({"sum", "--repeat", "1", "--count", "16777226"}));
        QCOMPARE(sumOf(f32, "recursive"), 16777216.0);
        QCOMPARE(sumOf(f32, "wider"), 16777226.0); // even, so a float32 too
        QCOMPARE(
            f32.value(QStringLiteral("stagnation")).toObject().value(QStringLiteral("terms")).toInteger(), 16777216);

        // float80: 2^64 terms, a JSON integer one past 64 bits (written out in full).
        const Run f80 = runCli(args({"sum", "--repeat", "1", "--count", "3", "--dtype", "float80", "--json"}));
        QCOMPARE(f80.exitCode, 0);
        QVERIFY2(f80.out.contains("\"stagnation\":{\"status\":\"stagnates\",\"terms\":18446744073709551616,\"sum\":"
                                  "18446744073709551616}"),
            f80.out.constData());
    }

    void repeatText()
    {
        // Ten 0.1 in float64: exactly 1 + 2^-54 = 1.00000000000000005551..., which rounds to 1.
        // Recursive ends at 1 - 2^-53 (0.9999999999999999), 3 2^-54 below: 0.75 of the spacing 2^-52;
        // Kahan, pairwise and float80 give 1, 2^-54 away: 0.25 ulp.
        const Run r = runCli(args({"sum", "--repeat", "0.1", "--count", "10", "--dtype", "float64"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.startsWith(QStringLiteral("sum of 0.1 added 10 times in float64")), r.out.constData());
        QVERIFY2(text.contains(QStringLiteral("exact sum: 1.00000000000000005551 (to float64: 1)")), r.out.constData());
        QCOMPARE(tableRow(r.out, QStringLiteral("method")),
            QStringList({QStringLiteral("method"), QStringLiteral("sum"), QStringLiteral("ulp error"),
                QStringLiteral("relative error"), QStringLiteral("adds in")}));
        QCOMPARE(tableRow(r.out, QStringLiteral("recursive")).mid(0, 4),
            QStringList({QStringLiteral("recursive"), QStringLiteral("0.9999999999999999"), QStringLiteral("0.75"),
                QStringLiteral("1.67e-16")}));
        QCOMPARE(tableRow(r.out, QStringLiteral("kahan")).mid(0, 3),
            QStringList({QStringLiteral("kahan"), QStringLiteral("1"), QStringLiteral("0.25")}));
        QCOMPARE(tableRow(r.out, QStringLiteral("pairwise")).mid(0, 2),
            QStringList({QStringLiteral("pairwise"), QStringLiteral("1")}));
        QCOMPARE(tableRow(r.out, QStringLiteral("wider")),
            QStringList({QStringLiteral("wider"), QStringLiteral("1"), QStringLiteral("0.25"),
                QStringLiteral("5.55e-17"), QStringLiteral("float80, rounded once")}));
        // The stagnation point of 0.1 in float64: the sum 2^50, where half the spacing (1/8) exceeds 0.1.
        QVERIFY2(text.simplified().contains(QStringLiteral("stops growing after 9703254357782019 terms, at "
                                                           "1125899906842624: 1125899906842624 + 0.1 = "
                                                           "1125899906842624 in float64.")),
            r.out.constData());

        // float16 ones: the sentence says where, and that 4096 terms are past it.
        const Run h = runCli(args({"sum", "--repeat", "1", "--count", "4096", "--dtype", "float16"}));
        QVERIFY2(QString::fromUtf8(h.out).simplified().contains(
                     QStringLiteral("stops growing after 2048 terms, at 2048: 2048 + 1 = 2048 in float16; this sum "
                                    "of 4096 terms is past it.")),
            h.out.constData());
        QCOMPARE(tableRow(h.out, QStringLiteral("recursive")).mid(0, 4),
            QStringList(
                {QStringLiteral("recursive"), QStringLiteral("2048"), QStringLiteral("512"), QStringLiteral("0.5")}));
    }

    void valuesJson()
    {
        // float16 65504 + 65504 - 65504: recursive overflows to inf (131008 >= 65520); pairwise adds
        // 65504 + (65504 - 65504); Kahan's c = inf - inf ends in NaN; float32 holds 131008. The
        // float16 65504 prints as 65500, its shortest text.
        Run raw;
        const QJsonObject json
            = runJson(args({"sum", "--values", "[65504, 65504, -65504]", "--dtype", "float16"}), &raw);
        QCOMPARE(json.value(QStringLiteral("mode")).toString(), QStringLiteral("values"));
        QCOMPARE(json.value(QStringLiteral("count")).toInteger(), 3);
        QVERIFY(!json.contains(QStringLiteral("stagnation")));
        QVERIFY(std::isinf(sumOf(json, "recursive")));
        QCOMPARE(sumOf(json, "pairwise"), 65500.0);
        QVERIFY(std::isnan(sumOf(json, "kahan")));
        QCOMPARE(sumOf(json, "wider"), 65500.0);
        QVERIFY2(raw.out.contains("\"recursive\":{\"sum\":\"inf\",\"ulp_error\":\"inf\""), raw.out.constData());
        QCOMPARE(json.value(QStringLiteral("exact_decimal")).toString(), QStringLiteral("65504"));

        // -inf + inf: the exact sum is NaN, and every method's NaN is no error.
        const QJsonObject nan = runJson(args({"sum", "--values", "-inf, inf", "--dtype", "float64"}));
        QCOMPARE(nan.value(QStringLiteral("exact_decimal")).toString(), QStringLiteral("nan"));
        QVERIFY(std::isnan(sumOf(nan, "recursive")));
        QCOMPARE(number(method(nan, "kahan").value(QStringLiteral("ulp_error"))), 0.0);

        // "[]" is the empty sum: 0, no error.
        const QJsonObject empty = runJson(args({"sum", "--values", "[ ]"}));
        QCOMPARE(empty.value(QStringLiteral("count")).toInteger(), 0);
        QCOMPARE(sumOf(empty, "pairwise"), 0.0);
        QCOMPARE(empty.value(QStringLiteral("exact_decimal")).toString(), QStringLiteral("0"));
    }

    void valuesText()
    {
        // float32: 1 + 2^-24 ties to 1, twice; Kahan carries the lost half-spacings to 1 + 2^-23;
        // pairwise adds the two small terms first, exactly.
        const Run r = runCli(args({"sum", "--values", "1, 5.9604645e-8, 5.9604645e-8"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QString::fromUtf8(r.out).startsWith(QStringLiteral("sum of 3 numbers in float32")), r.out.constData());
        QVERIFY2(r.out.contains("exact sum: 1.00000011920928955078 (to float32: 1.0000001)"), r.out.constData());
        QCOMPARE(tableRow(r.out, QStringLiteral("recursive")).mid(0, 3),
            QStringList({QStringLiteral("recursive"), QStringLiteral("1"), QStringLiteral("1")}));
        QCOMPARE(tableRow(r.out, QStringLiteral("kahan")).mid(0, 3),
            QStringList({QStringLiteral("kahan"), QStringLiteral("1.0000001"), QStringLiteral("0")}));
        QCOMPARE(tableRow(r.out, QStringLiteral("pairwise")).mid(0, 2),
            QStringList({QStringLiteral("pairwise"), QStringLiteral("1.0000001")}));
        QVERIFY(!r.out.contains("stagnation"));
    }

    void valuesFromFileAndStdin()
    {
        // 1000 lines of 0.1 (one number per line is a list), and a matrix from stdin, row after row.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("tenths.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 1000; ++i)
            file.write("0.1\n");
        file.close();
        const QJsonObject json
            = runJson(args({"sum", "--dtype", "float64", "--values"}) << QLatin1Char('@') + file.fileName());
        QCOMPARE(json.value(QStringLiteral("count")).toInteger(), 1000);
        // 1000 (0.1 in float64) = 1000 * 3602879701896397 * 2^-55, about 100.0000000000000055511.
        QCOMPARE(json.value(QStringLiteral("exact_decimal")).toString(), QStringLiteral("100.000000000000005551"));
        // Recursive summation in float64 is Python's sum([0.1] * 1000): 99.9999999999986.
        QCOMPARE(sumOf(json, "recursive"), 99.9999999999986);

        const Run in = runCliWithInput(args({"sum", "--values", "-", "--json"}), "1 2\n3 4\n");
        QCOMPARE(in.exitCode, 0);
        QVERIFY2(in.out.contains("\"count\":4,\"exact_decimal\":\"10\""), in.out.constData());
    }

    void atTheLimit()
    {
        // 10^8 ones in float32 (the limit, written 1e8): recursive stops at 2^24; float64 adds them exactly.
        const QJsonObject json = runJson(args({"sum", "--repeat", "1", "--count", "1e8"}));
        QCOMPARE(json.value(QStringLiteral("count")).toInteger(), 100000000);
        QCOMPARE(sumOf(json, "recursive"), 16777216.0);
        QCOMPARE(sumOf(json, "wider"), 1e8);
    }

    void help()
    {
        const Run top = runCli(args({"--help"}));
        QCOMPARE(top.exitCode, 0);
        QVERIFY(top.out.contains("  sum "));
        const Run own = runCli(args({"sum", "--help"}));
        QCOMPARE(own.exitCode, 0);
        QVERIFY(own.out.contains("--values <LIST>"));
        QVERIFY(own.out.contains("--repeat <X>"));
        QVERIFY(own.out.contains("--count <N>"));
        QVERIFY(own.out.contains("100000000"));
    }
};

QTEST_APPLESS_MAIN(TestCliSum)
#include "tst_clisum.moc"
