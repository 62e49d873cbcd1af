// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file `logitlab-cli softmax --temperature T` and `sweep softmax --temperature T` through the
 * real binary: the logits divided by T, the entropy of p, where each format's naive form breaks,
 * and the refusals of a bad or doubled temperature.
 */
#include "clirunner.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace clirunner;

namespace {

/** |a - b| <= rel |b|. */
bool near(double a, double b, double rel)
{
    return std::fabs(a - b) <= rel * std::fabs(b);
}

} // namespace

/** \brief Tests of the CLI's temperature. */
class TestCliTemperature : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void logitsAreDividedByT_data();
    void logitsAreDividedByT();
    void entropy_data();
    void entropy();
    void breakTemperatures_data();
    void breakTemperatures();
    void textNamesEveryFormat();
    void matrixSlicesHaveTheirOwn();
    void sweepTemperatureIsOneOverScale_data();
    void sweepTemperatureIsOneOverScale();
    void limitsAccepted_data();
    void limitsAccepted();
    void refused_data();
    void refused();
};

// z / T rounded once to the format, by hand: 1001 / 20 = 50.05, whose float32 is 50.04999923706055
// (printed as 50.05, its shortest float32 text); 880 / 20 = 44; 1 / 0.3 = 3.3333333333333335 in float64.
void TestCliTemperature::logitsAreDividedByT_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("temperature");
    QTest::addColumn<QList<double>>("logits");
    QTest::addRow("T = 20, float32") << args({"--logits", "1000 1001 1002 880", "--temperature", "20"})
                                     << QStringLiteral("20") << QList<double> {50, 50.05, 50.1, 44};
    QTest::addRow("T = 0.3, float64") << args({"--logits", "1, -2", "--temperature", "0.3", "--dtype", "float64"})
                                      << QStringLiteral("0.3") << QList<double> {1 / 0.3, -2 / 0.3};
    QTest::addRow("no --temperature: T = 1")
        << args({"--logits", "1000 1001"}) << QStringLiteral("1") << QList<double> {1000, 1001};
    QTest::addRow("spaces around T are dropped")
        << args({"--logits", "[5]", "--temperature", " 0.5 "}) << QStringLiteral("0.5") << QList<double> {10};
}

void TestCliTemperature::logitsAreDividedByT()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, temperature);
    QFETCH(QList<double>, logits);
    const QJsonObject o = runJson(QStringList {QStringLiteral("softmax")} + arguments);
    QCOMPARE(o.value(QStringLiteral("temperature")).toString(), temperature);
    const QJsonArray got = o.value(QStringLiteral("logits")).toArray();
    QCOMPARE(got.size(), logits.size());
    for (int i = 0; i < logits.size(); ++i)
        QCOMPARE(number(got[i]), logits[i]);
}

// The entropy of the reference p, correctly rounded to double; digits from mpmath at 300 digits on
// the logits as the format holds them (softmax(z / T), z / T rounded to the format).
void TestCliTemperature::entropy_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<double>("nats");
    QTest::addColumn<double>("bits");
    QTest::addColumn<double>("maxNats");
    QTest::addColumn<double>("maxBits");
    // [50, 50.05, 50.1, 44] in float32.
    QTest::addRow("the lab's logits at T = 20") << args({"--logits", "1000 1001 1002 880", "--temperature", "20"})
                                                << 1.103313137090734 << 1.591744391428447 << std::log(4.0) << 2.0;
    // [1000, 1001, 1002, 880] = [1, 2, 3] + 999 (and e^-122): H(softmax(1, 2, 3)).
    QTest::addRow("at T = 1") << args({"--logits", "1000 1001 1002 880"}) << 0.8323955818399389 << 1.200892977978363
                              << std::log(4.0) << 2.0;
    // [-120, -100]: H = ln(1 + e^-20) + 20 e^-20 / (1 + e^-20) = 21 e^-20 - ... = 4.328e-8.
    QTest::addRow("[-60, -50] at T = 0.5, float64")
        << args({"--logits", "-60 -50", "--temperature", "0.5", "--dtype", "float64"}) << 4.3284225984118455e-08
        << 6.24459381760049e-08 << std::log(2.0) << 1.0;
    QTest::addRow("uniform: ln 3") << args({"--logits", "7 7 7", "--temperature", "0.01"}) << std::log(3.0)
                                   << std::log2(3.0) << std::log(3.0) << std::log2(3.0);
    QTest::addRow("one logit: 0") << args({"--logits", "[3]"}) << 0.0 << 0.0 << 0.0 << 0.0;
}

void TestCliTemperature::entropy()
{
    QFETCH(QStringList, arguments);
    QFETCH(double, nats);
    QFETCH(double, bits);
    QFETCH(double, maxNats);
    QFETCH(double, maxBits);
    const QJsonObject e
        = runJson(QStringList {QStringLiteral("softmax")} + arguments).value(QStringLiteral("entropy")).toObject();
    // Bit for bit: QCOMPARE on doubles is fuzzy.
    QVERIFY2(number(e.value(QStringLiteral("nats"))) == nats, qPrintable(e.value(QStringLiteral("nats")).toString()));
    QVERIFY(number(e.value(QStringLiteral("bits"))) == bits);
    QVERIFY(near(number(e.value(QStringLiteral("max_nats"))), maxNats, 1e-15));
    QVERIFY(near(number(e.value(QStringLiteral("max_bits"))), maxBits, 1e-15));
}

// m / threshold by hand (tests/core/softmax/tst_naivebreak.cpp derives the thresholds): 1002 /
// 11.090110718526951 = 90.35076614033039 (float16) ... The break does not depend on T; whether the
// form is broken at T does (T below the break).
void TestCliTemperature::breakTemperatures_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QList<double>>("below"); // allFormats order
    QTest::addColumn<QList<bool>>("broken");
    QTest::addColumn<QList<double>>("threshold");
    const QList<double> over {
        11.090110718526951, 88.720884076837196, 88.722839081870677, 709.78271289338400, 11356.523406294144};
    const QList<double> zero {
        -17.328679513998633, -92.881722195032671, -103.97207708399180, -745.13321910194121, -11399.498531488861};
    QTest::addRow("lab logits at T = 1") << args({"--logits", "1000 1001 1002 880"}) << QStringLiteral("overflow")
                                         << QList<double> {90.35076614033039, 11.29384598030169, 11.293597120752477,
                                                1.4116996396198647, 0.08823122747624154}
                                         << QList<bool> {true, true, true, true, false} << over;
    QTest::addRow("lab logits at T = 11.2937: between bfloat16's 11.29385 and float32's 11.29360")
        << args({"--logits", "1000 1001 1002 880", "--temperature", "11.2937"}) << QStringLiteral("overflow")
        << QList<double> {90.35076614033039, 11.29384598030169, 11.293597120752477, 1.4116996396198647,
               0.08823122747624154}
        << QList<bool> {true, true, false, false, false} << over;
    QTest::addRow("[1, 2, 3] at T = 0.01")
        << args({"--logits", "[1, 2, 3]", "--temperature", "0.01"}) << QStringLiteral("overflow")
        << QList<double> {0.27051127586925267, 0.033813910120663745, 0.033813165032193046, 0.004226645627604385,
               0.0002641653517252741}
        << QList<bool> {true, true, true, false, false} << over;
    QTest::addRow("[-60, -50] at T = 0.5: underflow")
        << args({"--logits", "-60 -50", "--temperature", "0.5"}) << QStringLiteral("underflow")
        << QList<double> {2.8853900817779268, 0.5383190451078221, 0.4808983469629878, 0.06710209492506806,
               0.004386157852635788}
        << QList<bool> {true, true, false, false, false} << zero;
    QTest::addRow("max 0: never") << args({"--logits", "0 -5"}) << QStringLiteral("never") << QList<double> {}
                                  << QList<bool> {false, false, false, false, false} << QList<double> {};
    QTest::addRow("NaN: always") << args({"--logits", "1 nan", "--temperature", "100"}) << QStringLiteral("always")
                                 << QList<double> {} << QList<bool> {true, true, true, true, true} << QList<double> {};
    QTest::addRow("1e5000, past float80: inf, always")
        << args({"--logits", "1e5000 0", "--dtype", "float64"}) << QStringLiteral("always") << QList<double> {}
        << QList<bool> {true, true, true, true, true} << QList<double> {};
}

void TestCliTemperature::breakTemperatures()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, kind);
    QFETCH(QList<double>, below);
    QFETCH(QList<bool>, broken);
    QFETCH(QList<double>, threshold);
    const QJsonObject breaks
        = runJson(QStringList {QStringLiteral("softmax")} + arguments).value(QStringLiteral("naive_breaks")).toObject();
    const QStringList names {QStringLiteral("float16"), QStringLiteral("bfloat16"), QStringLiteral("float32"),
        QStringLiteral("float64"), QStringLiteral("float80")};
    QCOMPARE(breaks.keys().size(), 5);
    for (int i = 0; i < names.size(); ++i) {
        const QJsonObject b = breaks.value(names[i]).toObject();
        QCOMPARE(b.value(QStringLiteral("kind")).toString(), kind);
        QCOMPARE(b.value(QStringLiteral("broken_at_temperature")).toBool(), broken[i]);
        if (below.isEmpty()) {
            QVERIFY(!b.contains(QStringLiteral("below_temperature")));
            continue;
        }
        QVERIFY2(near(number(b.value(QStringLiteral("below_temperature"))), below[i], 1e-14), qPrintable(names[i]));
        QVERIFY2(near(number(b.value(QStringLiteral("exp_threshold"))), threshold[i], 1e-15), qPrintable(names[i]));
    }
}

// The text says the temperature in its first line, and lists every format's break with its
// canonical name and whether it is broken at this T.
void TestCliTemperature::textNamesEveryFormat()
{
    const Run r = runCli(args({"softmax", "--logits", "1000 1001 1002 880", "--temperature", "1.2"}));
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.startsWith(QStringLiteral("softmax of 4 logits in float32 at temperature T = 1.2 (each logit "
                                            "divided by T, rounded once; reference: MPFR, correctly rounded)\n")),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("entropy H(p) = ")));
    QVERIFY(text.contains(QStringLiteral("(0 to ln 4 = 1.38629 nats = 2 bits)")));
    // 1002 / 1.2 = 835 > 709.78: float64 breaks too; float80 (11356.5) does not.
    const QStringList rows {QStringLiteral("float16   90.3508             11.0901        NaN"),
        QStringLiteral("bfloat16  11.2938             88.7209        NaN"),
        QStringLiteral("float32   11.2936             88.7228        NaN"),
        QStringLiteral("float64   1.4117              709.783        NaN"),
        QStringLiteral("float80   0.0882312           11356.5        finite")};
    for (const QString &row : rows)
        QVERIFY2(text.contains(row + QLatin1Char('\n')), qPrintable(row));
}

// Row 1 of [[1, 2, 3], [-60, -50, -55]] has its own entropy (0.04067412954243125, mpmath) and
// underflow breaks; the temperature is said once, at the top.
void TestCliTemperature::matrixSlicesHaveTheirOwn()
{
    const QJsonObject o = runJson(args({"softmax", "--logits", "[[1, 2, 3], [-60, -50, -55]]", "--dim", "1"}));
    QCOMPARE(o.value(QStringLiteral("temperature")).toString(), QStringLiteral("1"));
    const QJsonArray slices = o.value(QStringLiteral("slices")).toArray();
    QCOMPARE(slices.size(), 2);
    const auto entropyOf = [&](int s) {
        return number(slices[s].toObject().value(QStringLiteral("entropy")).toObject().value(QStringLiteral("nats")));
    };
    QVERIFY(entropyOf(0) == 0.8323955818399389);
    QVERIFY(entropyOf(1) == 0.04067412954243125);
    const QJsonObject row1 = slices[1].toObject().value(QStringLiteral("naive_breaks")).toObject();
    QCOMPARE(row1.value(QStringLiteral("float32")).toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("underflow"));
    QVERIFY(!slices[1].toObject().contains(QStringLiteral("temperature")));
}

// sweep softmax: --temperature T scales as --scale 1/T does when 1/T is a short decimal (both are
// exact before the one rounding), and names the temperature instead of the scale.
void TestCliTemperature::sweepTemperatureIsOneOverScale_data()
{
    QTest::addColumn<QString>("temperature");
    QTest::addColumn<QString>("scale");
    QTest::addRow("0.5 and 2") << QStringLiteral("0.5") << QStringLiteral("2");
    QTest::addRow("20 and 0.05") << QStringLiteral("20") << QStringLiteral("0.05");
    QTest::addRow("0.01 and 100") << QStringLiteral("0.01") << QStringLiteral("100");
}

void TestCliTemperature::sweepTemperatureIsOneOverScale()
{
    QFETCH(QString, temperature);
    QFETCH(QString, scale);
    const QJsonObject t = runJson({QStringLiteral("sweep"), QStringLiteral("softmax"), QStringLiteral("--logits"),
        QStringLiteral("3 -7 1001"), QStringLiteral("--temperature"), temperature});
    const QJsonObject s = runJson({QStringLiteral("sweep"), QStringLiteral("softmax"), QStringLiteral("--logits"),
        QStringLiteral("3 -7 1001"), QStringLiteral("--scale"), scale});
    QVERIFY(!t.isEmpty() && !s.isEmpty());
    QCOMPARE(t.value(QStringLiteral("logits")), s.value(QStringLiteral("logits")));
    QCOMPARE(t.value(QStringLiteral("temperature")).toString(), temperature);
    QVERIFY(!t.contains(QStringLiteral("scale")));
    QCOMPARE(s.value(QStringLiteral("scale")).toString(), scale);
    QCOMPARE(t.value(QStringLiteral("methods")), s.value(QStringLiteral("methods")));
}

// The slider's ends and other spellings of them are temperatures.
void TestCliTemperature::limitsAccepted_data()
{
    QTest::addColumn<QString>("temperature");
    for (const char *t : {"0.01", "100", "1e-2", "100.000", "0.010", "1E2", "+5"})
        QTest::addRow("%s", t) << QString::fromLatin1(t);
}

void TestCliTemperature::limitsAccepted()
{
    QFETCH(QString, temperature);
    const Run r = runCli({QStringLiteral("softmax"), QStringLiteral("--logits"), QStringLiteral("1 2"),
        QStringLiteral("--temperature"), temperature});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
}

// Exit 2, nothing on stdout, one error line naming the option (and the value).
void TestCliTemperature::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("said");
    const auto softmax = [](const char *t) { return args({"softmax", "--logits", "1 2", "--temperature", t}); };
    QTest::addRow("below 0.01") << softmax("0.0099999999999999999")
                                << QStringLiteral("--temperature: 0.0099999999999999999 is outside 0.01 to 100");
    QTest::addRow("above 100") << softmax("100.0000001") << QStringLiteral("--temperature: 100.0000001 is outside");
    QTest::addRow("0") << softmax("0") << QStringLiteral("--temperature: 0 is outside");
    QTest::addRow("negative") << softmax("-1") << QStringLiteral("--temperature: -1 is outside");
    QTest::addRow("inf") << softmax("inf") << QStringLiteral("--temperature: inf is outside");
    QTest::addRow("NaN") << softmax("NaN") << QStringLiteral("--temperature: 'NaN' is not a number from 0.01 to 100");
    QTest::addRow("a word") << softmax("hot") << QStringLiteral("--temperature: 'hot' is not a number");
    QTest::addRow("a list") << softmax("1 2") << QStringLiteral("--temperature: '1 2' is not a number");
    QTest::addRow("empty") << softmax("") << QStringLiteral("--temperature is empty");
    QTest::addRow("twice") << args({"softmax", "--logits", "1", "--temperature", "2", "--temperature", "3"})
                           << QStringLiteral("--temperature given 2 times");
    QTest::addRow("sweep: --scale and --temperature")
        << args({"sweep", "softmax", "--scale", "2", "--temperature", "0.5"})
        << QStringLiteral("--scale and --temperature both set how the logits are scaled");
    QTest::addRow("sweep: out of range") << args({"sweep", "softmax", "--temperature", "1000"})
                                         << QStringLiteral("--temperature: 1000 is outside");
    QTest::addRow("sweep bce takes none") << args({"sweep", "bce", "--temperature", "2"})
                                          << QStringLiteral("--temperature does not apply to 'sweep bce'");
    QTest::addRow("bad T before a bad list")
        << args({"softmax", "--logits", "1, x", "--temperature", "nan"}) << QStringLiteral("--temperature");
}

void TestCliTemperature::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, said);
    const Run r = runCli(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.startsWith(QStringLiteral("error: ")) && err.contains(said), qPrintable(err));
}

QTEST_APPLESS_MAIN(TestCliTemperature)
#include "tst_clitemperature.moc"
