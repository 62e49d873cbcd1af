// SPDX-License-Identifier: GPL-3.0-or-later
/** \file `logitlab-cli sweep softmax|bce|cancellation`: the data behind each lab's plot, as CSV or JSON. */
#include "cli/clicommand.h"
#include "cli/jsonwriter.h"

#include "lab/losslab.h"
#include "lab/roundinglab.h"
#include "lab/softmaxlab.h"
#include "losses/lossreport.h"
#include "precision/mpfrutil.h"
#include "softmax/softmaxreport.h"
#include "sweep/bcesweep.h"
#include "sweep/cancellationsweep.h"
#include "sweep/softmaxsweep.h"
#include "text/numberlist.h"
#include "text/numbertext.h"

#include <QStringList>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace logitlab::cli {
namespace {

bool never()
{
    return false;
}

/** A value the plot draws: a value of \a f held in a double (float80 values are plotted as doubles). */
std::string plotted(double v, Format f)
{
    return shortestText(v, f == Format::Float80 ? Format::Float64 : f);
}

/** A measure (an error, a reference rounded to double): the shortest double text. */
std::string measure(double v)
{
    return shortestText(v, Format::Float64);
}

std::vector<long double> widened(const std::vector<double> &values)
{
    return {values.begin(), values.end()};
}

/** The plotted values of \a f as a JSON array (see plotted()). */
void plottedArray(JsonWriter &w, const std::vector<double> &values, Format f)
{
    w.numbers(widened(values), f == Format::Float80 ? Format::Float64 : f);
}

void plottedNumber(JsonWriter &w, double value, Format f)
{
    w.number(static_cast<long double>(value), f == Format::Float80 ? Format::Float64 : f);
}

void booleans(JsonWriter &w, const auto &flags)
{
    w.beginArray();
    for (const auto flag : flags)
        w.boolean(static_cast<bool>(flag));
    w.endArray();
}

std::string csvRow(const std::vector<std::string> &cells)
{
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i)
        line += (i ? "," : "") + cells[i];
    return line + '\n';
}

/** Options each plot takes; any other option given is an error naming it. */
void checkOptions(const QCommandLineParser &p, const QString &plot, const QStringList &allowed)
{
    for (const char *name : {"logits", "scale", "temperature", "dtype", "from", "to", "points", "label"})
        if (p.isSet(QLatin1String(name)) && !allowed.contains(QLatin1String(name)))
            throw UsageError(QStringLiteral("--%1 does not apply to 'sweep %2'").arg(QLatin1String(name), plot));
}

QString singleValue(const QCommandLineParser &p, const QString &name, const QString &fallback)
{
    return p.isSet(name) ? requiredOption(p, name) : fallback;
}

int runSoftmax(const QCommandLineParser &p, std::ostream &out)
{
    checkOptions(p, QStringLiteral("softmax"),
        {QStringLiteral("logits"), QStringLiteral("scale"), QStringLiteral("temperature"), QStringLiteral("dtype")});
    if (p.isSet(QStringLiteral("scale")) && p.isSet(QStringLiteral("temperature")))
        throw UsageError(QStringLiteral("--scale and --temperature both set how the logits are scaled (T = 1/scale): "
                                        "give one of them"));
    const std::optional<std::string> temperature = temperatureOption(p);
    const Format f = dtypeOption(p);
    const ListInput list = p.isSet(QStringLiteral("logits"))
        ? listOption(p, QStringLiteral("logits"))
        : ListInput {SoftmaxLab {}.logits, QStringLiteral("--logits")};
    parseLogitList(list, f); // names a bad token or an empty list
    const QString scaleText
        = singleValue(p, QStringLiteral("scale"), QString::fromStdString(softmaxScaleText(SoftmaxLab {}.scaleStep)));
    const long double scale = parseNumber(scaleText, Format::Float64, QStringLiteral("scale"));
    if (!(scale > 0) || !std::isfinite(scale))
        throw UsageError(QStringLiteral("--scale: '%1' is not a positive finite number").arg(scaleText));
    std::vector<std::string> tokens;
    const auto parsed = parseNumberList(list.text);
    for (const NumberToken &t : std::get<std::vector<NumberToken>>(parsed))
        tokens.push_back(t.text);
    // As the window: each logit times the scale (or divided by T), exactly, rounded once to the format.
    const std::vector<long double> logits = temperature ? temperedLogits(tokens, *temperature, f)
                                                        : scaledLogits(tokens, scaleText.trimmed().toStdString(), f);
    const SoftmaxSweep s = computeSoftmaxSweep(logits, f, never);

    if (p.isSet(QStringLiteral("json"))) {
        JsonWriter w;
        w.beginObject();
        w.key("command").string("sweep");
        w.key("plot").string("softmax");
        w.key("dtype").string(formatName(f));
        w.key("logits").numbers(logits, f);
        if (temperature)
            w.key("temperature").string(*temperature);
        else
            w.key("scale").string(scaleText.trimmed().toStdString());
        std::vector<double> x;
        for (const SoftmaxSweepPoint &point : s.points)
            x.push_back(point.maxAbsLogit);
        w.key("max_abs_logit");
        plottedArray(w, x, f);
        w.key("methods").beginObject();
        for (std::size_t m = 0; m < allSoftmaxMethods.size(); ++m) {
            w.key(softmaxMethodKey(allSoftmaxMethods[m])).beginObject();
            std::vector<double> errors;
            std::vector<bool> nan;
            for (const SoftmaxSweepPoint &point : s.points) {
                errors.push_back(point.maxUlpError[m]);
                nan.push_back(point.nan[m]);
            }
            w.key("max_ulp_error").numbers(errors);
            w.key("nan");
            booleans(w, nan);
            if (const auto region = nanRegion(s, allSoftmaxMethods[m])) {
                w.key("nan_from");
                plottedNumber(w, region->from, f);
                w.key("nan_to");
                plottedNumber(w, region->to, f);
            }
            w.endObject();
        }
        w.endObject();
        w.endObject();
        out << w.text();
        return 0;
    }
    std::vector<std::string> header {"max_abs_logit"};
    for (SoftmaxMethod m : allSoftmaxMethods)
        header.push_back(std::string(softmaxMethodKey(m)) + "_max_ulp_error");
    for (SoftmaxMethod m : allSoftmaxMethods)
        header.push_back(std::string(softmaxMethodKey(m)) + "_nan");
    out << csvRow(header);
    for (const SoftmaxSweepPoint &point : s.points) {
        std::vector<std::string> row {plotted(point.maxAbsLogit, f)};
        for (double e : point.maxUlpError)
            row.push_back(measure(e));
        for (bool nan : point.nan)
            row.push_back(nan ? "1" : "0");
        out << csvRow(row);
    }
    return 0;
}

int runBce(const QCommandLineParser &p, std::ostream &out)
{
    checkOptions(p, QStringLiteral("bce"),
        {QStringLiteral("dtype"), QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("points"),
            QStringLiteral("label")});
    const Format f = dtypeOption(p);
    const BceSweepInput defaults = LossLab {}.bce;
    // The window reads its fields with QString::toDouble; so does this.
    const auto bound = [&p](const QString &name, double fallback) {
        if (!p.isSet(name))
            return fallback;
        const QString text = requiredOption(p, name);
        bool ok = false;
        const double v = text.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v))
            throw UsageError(QStringLiteral("--%1: '%2' is not a finite number").arg(name, text));
        return v;
    };
    const double from = bound(QStringLiteral("from"), defaults.from);
    const double to = bound(QStringLiteral("to"), defaults.to);
    if (!(from < to))
        throw UsageError(QStringLiteral("--from must be below --to (give a range with from < to)"));
    const int points = p.isSet(QStringLiteral("points"))
        ? static_cast<int>(parseInteger(requiredOption(p, QStringLiteral("points")), BceSweepInput::minPoints,
            BceSweepInput::maxPoints, QStringLiteral("points")))
        : defaults.points;
    const QString labelText = singleValue(p, QStringLiteral("label"), QString::fromStdString(defaults.label));
    const long double y = parseNumber(labelText, f, QStringLiteral("label"));
    if (!(y >= 0 && y <= 1))
        throw UsageError(QStringLiteral("--label: '%1' is not in [0, 1]").arg(labelText));
    const BceSweep s = computeBceSweep(from, to, points, y, f, never);

    if (p.isSet(QStringLiteral("json"))) {
        JsonWriter w;
        w.beginObject();
        w.key("command").string("sweep");
        w.key("plot").string("bce");
        w.key("dtype").string(formatName(f));
        w.key("from").number(from);
        w.key("to").number(to);
        w.key("points").integer(points);
        w.key("label").number(y, f);
        const BcePlateaus plateaus = clippedBcePlateaus(y, f);
        w.key("clip_plateau_low").number(plateaus.low, f);
        w.key("clip_plateau_high").number(plateaus.high, f);
        w.key("z");
        plottedArray(w, s.z, f);
        w.key("reference_loss").numbers(s.referenceLoss);
        w.key("reference_gradient").numbers(s.referenceGradient);
        w.key("loss_underflows");
        booleans(w, s.lossUnderflows);
        w.key("methods").beginObject();
        for (std::size_t m = 0; m < allBceMethods.size(); ++m) {
            w.key(bceMethodKey(allBceMethods[m])).beginObject();
            w.key("loss");
            plottedArray(w, s.loss[m], f);
            w.key("relative_error").numbers(s.relativeError[m]);
            w.key("gradient");
            plottedArray(w, s.gradient[m], f);
            w.endObject();
        }
        w.endObject();
        w.endObject();
        out << w.text();
        return 0;
    }
    std::vector<std::string> header {"z"};
    for (const char *series : {"loss", "relative_error", "gradient"}) {
        for (BceMethod m : allBceMethods)
            header.push_back(std::string(bceMethodKey(m)) + '_' + series);
        if (std::string_view(series) != "relative_error")
            header.push_back(std::string("reference_") + series);
    }
    header.push_back("loss_underflows");
    out << csvRow(header);
    for (std::size_t i = 0; i < s.z.size(); ++i) {
        std::vector<std::string> row {plotted(s.z[i], f)};
        for (std::size_t m = 0; m < 3; ++m)
            row.push_back(plotted(s.loss[m][i], f));
        row.push_back(measure(s.referenceLoss[i]));
        for (std::size_t m = 0; m < 3; ++m)
            row.push_back(measure(s.relativeError[m][i]));
        for (std::size_t m = 0; m < 3; ++m)
            row.push_back(plotted(s.gradient[m][i], f));
        row.push_back(measure(s.referenceGradient[i]));
        row.push_back(s.lossUnderflows[i] ? "1" : "0");
        out << csvRow(row);
    }
    return 0;
}

int runCancellation(const QCommandLineParser &p, std::ostream &out)
{
    checkOptions(p, QStringLiteral("cancellation"), {QStringLiteral("points")});
    const int points = p.isSet(QStringLiteral("points"))
        ? static_cast<int>(parseInteger(requiredOption(p, QStringLiteral("points")), CancellationSweepInput::minPoints,
            CancellationSweepInput::maxPoints, QStringLiteral("points")))
        : RoundingLab {}.cancellation.points;
    const CancellationSweep s = computeCancellationSweep(points, never);
    std::vector<std::string> n;
    for (double v : s.n)
        n.push_back(std::to_string(static_cast<long long>(v))); // whole numbers up to 1e8

    if (p.isSet(QStringLiteral("json"))) {
        JsonWriter w;
        w.beginObject();
        w.key("command").string("sweep");
        w.key("plot").string("cancellation");
        w.key("expression").string("(1+1/n)-(1-1/n)");
        w.key("points").integer(points);
        w.key("n").numbers(widened(s.n), Format::Float64);
        for (const auto &[key, series] : {std::pair {"relative_error", &s.relativeError}, {"epsilon_n", &s.epsilonN}}) {
            w.key(key).beginObject();
            for (std::size_t f = 0; f < allFormats.size(); ++f)
                w.key(formatName(allFormats[f])).numbers((*series)[f]);
            w.endObject();
        }
        w.endObject();
        out << w.text();
        return 0;
    }
    std::vector<std::string> header {"n"};
    for (const char *series : {"_relative_error", "_epsilon_n"})
        for (Format f : allFormats)
            header.push_back(std::string(formatName(f)) + series);
    out << csvRow(header);
    for (std::size_t i = 0; i < s.n.size(); ++i) {
        std::vector<std::string> row {n[i]};
        for (const auto *series : {&s.relativeError, &s.epsilonN})
            for (std::size_t f = 0; f < allFormats.size(); ++f)
                row.push_back(measure((*series)[f][i]));
        out << csvRow(row);
    }
    return 0;
}

int runSweep(const QCommandLineParser &p, std::ostream &out)
{
    const QStringList plots = p.positionalArguments();
    if (plots.isEmpty())
        throw UsageError(QStringLiteral("missing the plot: give softmax, bce or cancellation"));
    if (plots.size() > 1)
        throw UsageError(QStringLiteral("unexpected argument '%1'").arg(plots[1]));
    if (plots[0] == QLatin1String("softmax"))
        return runSoftmax(p, out);
    if (plots[0] == QLatin1String("bce"))
        return runBce(p, out);
    if (plots[0] == QLatin1String("cancellation"))
        return runCancellation(p, out);
    throw UsageError(QStringLiteral("unknown plot '%1' (expected softmax, bce or cancellation)").arg(plots[0]));
}

} // namespace

CliCommand sweepCommand()
{
    return {QStringLiteral("sweep"),
        QStringLiteral("The data behind a lab's plot (softmax, bce or cancellation) as CSV, or JSON with --json."),
        [](QCommandLineParser &p) {
            p.setApplicationDescription(QStringLiteral(
                "Writes the exact data behind one plot of the window: a CSV header row, then one row per point\n"
                "with every series the plot draws (or one JSON object with --json). Values are the computed\n"
                "ones: an error of 0 is 0 (the log plots draw it at 0.01 or 1e-20) and NaN/inf print as\n"
                "nan/inf (the plots mark them).\n"
                "  softmax       max ULP error of each method vs max |z| as the logits are scaled\n"
                "                (options --logits, --scale or --temperature, --dtype)\n"
                "  bce           BCE loss, relative error and gradient of each form vs z, with MPFR\n"
                "                (options --from, --to, --points, --label, --dtype)\n"
                "  cancellation  relative error of (1+1/n)-(1-1/n) per format and eps*n, n in [1, 1e8]\n"
                "                (option --points)"));
            p.addPositionalArgument(QStringLiteral("plot"), QStringLiteral("softmax, bce or cancellation."),
                QStringLiteral("softmax|bce|cancellation"));
            p.addOption(QCommandLineOption(QStringLiteral("logits"),
                QStringLiteral("softmax: logits (a LIST, @FILE or -); default the window's %1.")
                    .arg(QString::fromStdString(SoftmaxLab {}.logits)),
                QStringLiteral("LIST")));
            p.addOption(QCommandLineOption(QStringLiteral("scale"),
                QStringLiteral("softmax: multiply every logit by S first, as the window's scale slider (default %1).")
                    .arg(QString::fromStdString(softmaxScaleText(SoftmaxLab {}.scaleStep))),
                QStringLiteral("S")));
            addTemperatureOption(p, QStringLiteral("softmax, instead of --scale: "));
            const BceSweepInput bce = LossLab {}.bce;
            p.addOption(QCommandLineOption(QStringLiteral("from"),
                QStringLiteral("bce: first logit z (default %1).").arg(bce.from), QStringLiteral("Z")));
            p.addOption(QCommandLineOption(QStringLiteral("to"),
                QStringLiteral("bce: last logit z (default %1).").arg(bce.to), QStringLiteral("Z")));
            p.addOption(QCommandLineOption(QStringLiteral("points"),
                QStringLiteral(
                    "bce: grid points, %1 to %2 (default %3); cancellation: values of n, %4 to %5 (default %6).")
                    .arg(BceSweepInput::minPoints)
                    .arg(BceSweepInput::maxPoints)
                    .arg(bce.points)
                    .arg(CancellationSweepInput::minPoints)
                    .arg(CancellationSweepInput::maxPoints)
                    .arg(RoundingLab {}.cancellation.points),
                QStringLiteral("N")));
            p.addOption(QCommandLineOption(QStringLiteral("label"),
                QStringLiteral("bce: the label y in [0, 1] (default %1).").arg(QString::fromStdString(bce.label)),
                QStringLiteral("Y")));
            addDtypeOption(p);
            addJsonOption(p);
        },
        [](const QCommandLineParser &p, std::ostream &out, std::ostream &) { return runSweep(p, out); }};
}

} // namespace logitlab::cli
