// SPDX-License-Identifier: GPL-3.0-or-later
/** \file `logitlab-cli sweep`: the CSV and JSON equal the core sweeps' data for the window's defaults; bad input. */
#include "clirunner.h"

#include "losses/lossreport.h"
#include "precision/mpfrutil.h"
#include "softmax/softmaxreport.h"
#include "sweep/bcesweep.h"
#include "sweep/cancellationsweep.h"
#include "sweep/softmaxsweep.h"
#include "text/numberlist.h"
#include "text/numbertext.h"

#include <QJsonArray>
#include <QTest>

#include <string>
#include <vector>

using namespace clirunner;
using namespace logitlab;

namespace {

bool never()
{
    return false;
}

/** The CSV as rows of cells (no quoting: every cell is a number or a name). */
std::vector<QStringList> csv(const QByteArray &out)
{
    std::vector<QStringList> rows;
    for (const QByteArray &line : out.split('\n'))
        if (!line.isEmpty())
            rows.push_back(QString::fromUtf8(line).split(QLatin1Char(',')));
    return rows;
}

QString text(double v, Format f = Format::Float64)
{
    return QString::fromStdString(shortestText(v, f));
}

/** The window's default softmax logits, read as the lab reads them. */
std::vector<long double> defaultLogits(Format f)
{
    std::vector<std::string> tokens;
    const auto parsed = parseNumberList(std::string(defaultSoftmaxLogits));
    for (const NumberToken &t : std::get<std::vector<NumberToken>>(parsed))
        tokens.push_back(t.text);
    return scaledLogits(tokens, "1", f);
}

} // namespace

class TestCliSweep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void softmaxCsvEqualsCore_data();
    void softmaxCsvEqualsCore();
    void softmaxJson();
    void bceCsvEqualsCore();
    void bceJson();
    void cancellationCsvEqualsCore();
    void cancellationJson();
    void badInput_data();
    void badInput();
    void help();
};

void TestCliSweep::softmaxCsvEqualsCore_data()
{
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<Format>("format");
    QTest::addRow("float32 (the window's default)") << QString() << Format::Float32;
    QTest::addRow("float16") << QStringLiteral("float16") << Format::Float16;
    QTest::addRow("float80") << QStringLiteral("float80") << Format::Float80;
}

// No --logits: the window's default input, from the one constant both use.
void TestCliSweep::softmaxCsvEqualsCore()
{
    QFETCH(QString, dtype);
    QFETCH(Format, format);
    QStringList a {QStringLiteral("sweep"), QStringLiteral("softmax")};
    if (!dtype.isEmpty())
        a << QStringLiteral("--dtype") << dtype;
    const Run r = runCli(a);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const auto rows = csv(r.out);
    const SoftmaxSweep s = computeSoftmaxSweep(defaultLogits(format), format, never);
    QCOMPARE(rows.size(), s.points.size() + 1);
    QCOMPARE(rows[0].join(QLatin1Char(',')),
        QStringLiteral("max_abs_logit,naive_max_ulp_error,shifted_max_ulp_error,log_softmax_max_ulp_error,"
                       "higham_max_ulp_error,online_max_ulp_error,naive_nan,shifted_nan,log_softmax_nan,higham_nan,"
                       "online_nan"));
    const Format plotted = format == Format::Float80 ? Format::Float64 : format;
    for (std::size_t k = 0; k < s.points.size(); ++k) {
        const QStringList &row = rows[k + 1];
        const SoftmaxSweepPoint &p = s.points[k];
        QCOMPARE(row.size(), 11);
        QCOMPARE(row[0], text(p.maxAbsLogit, plotted));
        for (int m = 0; m < 5; ++m) {
            QCOMPARE(row[1 + m], text(p.maxUlpError[static_cast<std::size_t>(m)]));
            QCOMPARE(row[6 + m], p.nan[static_cast<std::size_t>(m)] ? QStringLiteral("1") : QStringLiteral("0"));
        }
    }
    // The naive-NaN region is in the data: float32's ln(max) = 88.72 lies inside the sweep.
    QVERIFY(nanRegion(s, SoftmaxMethod::Naive).has_value());
}

// --logits and --scale as the window's field and slider; JSON with every method's series.
void TestCliSweep::softmaxJson()
{
    const QJsonObject o
        = runJson(args({"sweep", "softmax", "--logits", "[1, 2, 3]", "--scale", "10", "--dtype", "fp64"}));
    QCOMPARE(o.value(QStringLiteral("plot")).toString(), QStringLiteral("softmax"));
    QCOMPARE(o.value(QStringLiteral("dtype")).toString(), QStringLiteral("float64"));
    const std::vector<long double> z = scaledLogits({"1", "2", "3"}, "10", Format::Float64);
    const SoftmaxSweep s = computeSoftmaxSweep(z, Format::Float64, never);
    const QJsonArray logits = o.value(QStringLiteral("logits")).toArray();
    QCOMPARE(logits.size(), 3);
    QCOMPARE(number(logits[2]), 30.0);
    const QJsonArray x = o.value(QStringLiteral("max_abs_logit")).toArray();
    QCOMPARE(static_cast<std::size_t>(x.size()), s.points.size());
    const QJsonObject methods = o.value(QStringLiteral("methods")).toObject();
    QCOMPARE(methods.size(), 5);
    for (std::size_t m = 0; m < 5; ++m) {
        const QJsonObject method
            = methods.value(QLatin1String(softmaxMethodKey(allSoftmaxMethods[m]).data())).toObject();
        const QJsonArray errors = method.value(QStringLiteral("max_ulp_error")).toArray();
        const QJsonArray nan = method.value(QStringLiteral("nan")).toArray();
        QCOMPARE(static_cast<std::size_t>(errors.size()), s.points.size());
        for (std::size_t k = 0; k < s.points.size(); ++k) {
            QCOMPARE(number(x[static_cast<qsizetype>(k)]), s.points[k].maxAbsLogit);
            QCOMPARE(number(errors[static_cast<qsizetype>(k)]), s.points[k].maxUlpError[m]);
            QCOMPARE(nan[static_cast<qsizetype>(k)].toBool(), s.points[k].nan[m]);
        }
    }
    // float64's ln(max) = 709.78: the naive NaN region starts past it.
    const QJsonObject naive = methods.value(QStringLiteral("naive")).toObject();
    QVERIFY(number(naive.value(QStringLiteral("nan_from"))) > 709.78);
    QVERIFY(!methods.value(QStringLiteral("shifted")).toObject().contains(QStringLiteral("nan_from")));
}

// No option: z from -1000 to 1000 in 2001 points, y = 1, float32, as the window starts.
void TestCliSweep::bceCsvEqualsCore()
{
    const Run r = runCli(args({"sweep", "bce"}));
    QCOMPARE(r.exitCode, 0);
    const auto rows = csv(r.out);
    const BceSweepInput in;
    const BceSweep s = computeBceSweep(in.from, in.to, in.points, 1, Format::Float32, never);
    QCOMPARE(rows.size(), s.z.size() + 1);
    QCOMPARE(rows[0].join(QLatin1Char(',')),
        QStringLiteral("z,naive_loss,clipped_loss,from_logits_loss,reference_loss,naive_relative_error,"
                       "clipped_relative_error,from_logits_relative_error,naive_gradient,clipped_gradient,"
                       "from_logits_gradient,reference_gradient,loss_underflows"));
    const Format f = Format::Float32;
    bool sawNan = false, sawInf = false, sawUnderflow = false;
    for (std::size_t i = 0; i < s.z.size(); ++i) {
        const QStringList &row = rows[i + 1];
        QCOMPARE(row.size(), 13);
        QCOMPARE(row[0], text(s.z[i], f));
        for (std::size_t m = 0; m < 3; ++m) {
            QCOMPARE(row[1 + static_cast<int>(m)], text(s.loss[m][i], f));
            QCOMPARE(row[5 + static_cast<int>(m)], text(s.relativeError[m][i]));
            QCOMPARE(row[8 + static_cast<int>(m)], text(s.gradient[m][i], f));
        }
        QCOMPARE(row[4], text(s.referenceLoss[i]));
        QCOMPARE(row[11], text(s.referenceGradient[i]));
        QCOMPARE(row[12], s.lossUnderflows[i] ? QStringLiteral("1") : QStringLiteral("0"));
        sawNan = sawNan || row[1] == QLatin1String("nan");
        sawInf = sawInf || row[1] == QLatin1String("inf");
        sawUnderflow = sawUnderflow || row[12] == QLatin1String("1");
    }
    // The rows the plot marks: naive inf (z << 0), naive NaN (z >> 0), exact loss underflowing.
    QVERIFY(sawNan && sawInf && sawUnderflow);
}

void TestCliSweep::bceJson()
{
    const QJsonObject o = runJson(
        args({"sweep", "bce", "--from", "-20", "--to", "20", "--points", "41", "--label", "0", "--dtype", "bf16"}));
    QCOMPARE(o.value(QStringLiteral("plot")).toString(), QStringLiteral("bce"));
    QCOMPARE(o.value(QStringLiteral("points")).toInt(), 41);
    const BceSweep s = computeBceSweep(-20, 20, 41, 0, Format::BFloat16, never);
    const QJsonArray z = o.value(QStringLiteral("z")).toArray();
    QCOMPARE(z.size(), 41);
    const QJsonObject methods = o.value(QStringLiteral("methods")).toObject();
    for (std::size_t m = 0; m < 3; ++m) {
        const QJsonObject method = methods.value(QLatin1String(bceMethodKey(allBceMethods[m]).data())).toObject();
        const QJsonArray loss = method.value(QStringLiteral("loss")).toArray();
        const QJsonArray error = method.value(QStringLiteral("relative_error")).toArray();
        for (qsizetype i = 0; i < 41; ++i) {
            const auto k = static_cast<std::size_t>(i);
            QCOMPARE(number(z[i]), s.z[k]);
            // The shortest text that reads back in bfloat16: read it back in bfloat16.
            const long double l = roundToFormat(mpfr::mpreal(number(loss[i])), Format::BFloat16);
            QVERIFY(l == s.loss[m][k] || (std::isnan(l) && std::isnan(s.loss[m][k])));
            const double e = number(error[i]);
            QVERIFY(e == s.relativeError[m][k] || (std::isnan(e) && std::isnan(s.relativeError[m][k])));
        }
    }
    // The Keras plateau for y = 0 in bfloat16: 1 - 1e-7 rounds to 1, so the high end is inf.
    QCOMPARE(o.value(QStringLiteral("clip_plateau_high")).toString(), QStringLiteral("inf"));
}

void TestCliSweep::cancellationCsvEqualsCore()
{
    const Run r = runCli(args({"sweep", "cancellation"}));
    QCOMPARE(r.exitCode, 0);
    const auto rows = csv(r.out);
    const CancellationSweep s = computeCancellationSweep(CancellationSweepInput {}.points, never);
    QCOMPARE(rows.size(), s.n.size() + 1);
    QCOMPARE(rows.size(), std::size_t(242));
    QCOMPARE(rows[0].size(), 11);
    QCOMPARE(rows[0][0], QStringLiteral("n"));
    QCOMPARE(rows[0][3], QStringLiteral("float32_relative_error"));
    QCOMPARE(rows[0][8], QStringLiteral("float32_epsilon_n"));
    for (std::size_t i = 0; i < s.n.size(); ++i) {
        const QStringList &row = rows[i + 1];
        QCOMPARE(row[0], QString::number(static_cast<qlonglong>(s.n[i])));
        for (std::size_t f = 0; f < 5; ++f) {
            QCOMPARE(row[1 + static_cast<int>(f)], text(s.relativeError[f][i]));
            QCOMPARE(row[6 + static_cast<int>(f)], text(s.epsilonN[f][i]));
        }
    }
    QCOMPARE(rows.back()[0], QStringLiteral("100000000"));
}

void TestCliSweep::cancellationJson()
{
    const QJsonObject o = runJson(args({"sweep", "cancellation", "--points", "5"}));
    const QJsonArray n = o.value(QStringLiteral("n")).toArray();
    QCOMPARE(n.size(), 5);
    QCOMPARE(number(n[0]), 1.0);
    QCOMPARE(number(n[2]), 10000.0);
    const QJsonObject err = o.value(QStringLiteral("relative_error")).toObject();
    // float32 at n = 1e8: 1 + 1e-8 rounds to 1, the difference is 0, 100% off.
    QCOMPARE(number(err.value(QStringLiteral("float32")).toArray()[4]), 1.0);
    QCOMPARE(number(err.value(QStringLiteral("float64")).toArray()[0]), 0.0);
    QCOMPARE(
        number(o.value(QStringLiteral("epsilon_n")).toObject().value(QStringLiteral("float16")).toArray()[4]), 1.0);
}

void TestCliSweep::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("culprit");
    QTest::addRow("no plot") << args({"sweep"}) << "plot";
    QTest::addRow("unknown plot") << args({"sweep", "loss"}) << "'loss'";
    QTest::addRow("two plots") << args({"sweep", "bce", "softmax"}) << "'softmax'";
    QTest::addRow("bad logit") << args({"sweep", "softmax", "--logits", "1, 2x, 3"}) << "'2x'";
    QTest::addRow("empty logits") << args({"sweep", "softmax", "--logits", "[]"}) << "--logits";
    QTest::addRow("zero scale") << args({"sweep", "softmax", "--scale", "0"}) << "--scale";
    QTest::addRow("bad scale") << args({"sweep", "softmax", "--scale", "big"}) << "--scale";
    QTest::addRow("unknown dtype") << args({"sweep", "bce", "--dtype", "fp7"}) << "fp7";
    QTest::addRow("from above to") << args({"sweep", "bce", "--from", "5", "--to", "1"}) << "--from";
    QTest::addRow("infinite bound") << args({"sweep", "bce", "--to", "inf"}) << "--to";
    QTest::addRow("one point") << args({"sweep", "bce", "--points", "1"}) << "--points";
    QTest::addRow("too many points") << args({"sweep", "bce", "--points", "100001"}) << "--points";
    QTest::addRow("label above 1") << args({"sweep", "bce", "--label", "2"}) << "--label";
    QTest::addRow("label not a number") << args({"sweep", "bce", "--label", "one"}) << "--label";
    QTest::addRow("option of another plot") << args({"sweep", "cancellation", "--logits", "1"}) << "--logits";
    QTest::addRow("dtype on cancellation") << args({"sweep", "cancellation", "--dtype", "fp32"}) << "--dtype";
    QTest::addRow("cancellation points") << args({"sweep", "cancellation", "--points", "10001"}) << "--points";
    QTest::addRow("label given twice") << args({"sweep", "bce", "--label", "0", "--label", "1"}) << "--label";
}

void TestCliSweep::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, culprit);
    const Run r = runCli(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    const QString err = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(err.startsWith(QLatin1String("error: ")), qPrintable(err));
    QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
    QVERIFY2(err.contains(culprit), qPrintable(err));
}

void TestCliSweep::help()
{
    const Run r = runCli(args({"sweep", "--help"}));
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    for (const char *word : {"softmax", "bce", "cancellation", "--logits", "--scale", "--from", "--to", "--points",
             "--label", "--dtype", "--json"})
        QVERIFY2(out.contains(QLatin1String(word)), word);
    const Run top = runCli(args({"--help"}));
    QVERIFY(QString::fromUtf8(top.out).contains(QLatin1String("sweep")));
}

QTEST_APPLESS_MAIN(TestCliSweep)
#include "tst_clisweep.moc"
