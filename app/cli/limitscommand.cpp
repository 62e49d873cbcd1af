// SPDX-License-Identifier: GPL-3.0-or-later
/** \file `logitlab-cli limits`: the exp-limits table, where exp overflows and underflows in each format. */
#include "cli/clicommand.h"
#include "cli/jsonwriter.h"

#include "precision/explimits.h"
#include "text/numbertext.h"

#include <QStringList>

#include <algorithm>
#include <string>
#include <vector>

namespace logitlab::cli {
namespace {

/** Every format's canonical name, "float16, bfloat16, ... or float80", for the error line. */
QString formatNames()
{
    QStringList names;
    for (Format f : allFormats)
        names << QString::fromUtf8(formatName(f).data(), static_cast<qsizetype>(formatName(f).size()));
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

/** The formats of every --dtype (each may be a comma-separated list), in order, once each; all by default. */
std::vector<Format> requestedFormats(const QCommandLineParser &parser)
{
    const QStringList values = parser.values(QStringLiteral("dtype"));
    if (values.isEmpty())
        return {allFormats.begin(), allFormats.end()};
    std::vector<Format> formats;
    for (const QString &value : values)
        for (const QString &name : value.split(QLatin1Char(','))) {
            if (name.trimmed().isEmpty())
                throw UsageError(QStringLiteral("--dtype '%1' has an empty name").arg(value));
            const auto f = parseFormat(name.trimmed().toStdString());
            if (!f)
                throw UsageError(QStringLiteral("unknown --dtype '%1' (expected %2)").arg(name, formatNames()));
            if (std::find(formats.begin(), formats.end(), *f) == formats.end())
                formats.push_back(*f);
        }
    return formats;
}

void writeJson(const std::vector<ExpLimits> &rows, std::ostream &out)
{
    JsonWriter w;
    w.beginObject();
    w.key("command").string("limits");
    w.key("formats").beginArray();
    for (const ExpLimits &r : rows) {
        const Format f = r.format;
        w.beginObject();
        w.key("dtype").string(formatName(f));
        w.key("epsilon").number(r.epsilon, f);
        w.key("max").number(r.maxValue, f);
        w.key("min_normal").number(r.minNormal, f);
        w.key("min_subnormal").number(r.minSubnormal, f);
        w.key("ln_max").number(r.lnMax, f);
        w.key("ln_max_decimal").string(r.lnMaxDigits);
        w.key("largest_x_exp_finite").number(r.largestFinite, f);
        w.key("smallest_x_exp_positive").number(r.smallestPositive, f);
        w.key("smallest_x_exp_normal").number(r.smallestNormal, f);
        w.key("exp_inf_above").string(r.overflowDigits);
        w.key("exp_zero_below").string(r.zeroDigits);
        w.key("exp_subnormal_below").string(r.subnormalDigits);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    w.writeTo(out);
}

/** What the columns mean, and d2l's exercise answered for the formats shown. */
std::string explanation(const std::vector<ExpLimits> &rows)
{
    std::string text = "epsilon is 2^(1-p), the gap between 1 and the next number; max is the largest finite value, "
                       "min_normal = 2^emin the smallest with full precision, min_subnormal the smallest above 0. "
                       "exp(x) rounds to inf once the exact exp(x) reaches max + ulp(max)/2, that is for x above "
                       "ln(max + ulp(max)/2), a little above ln(max); it rounds to 0 once exp(x) is at most "
                       "min_subnormal/2; below ln(min_normal - min_subnormal/2) it is subnormal and has fewer "
                       "significant bits. The last three columns of the first table are those limits as values of "
                       "the format itself. Every value there prints as the shortest decimal that reads back to it in "
                       "its format (float16's max 65504 prints as 65500). The smallest and largest arguments of exp "
                       "that neither underflow nor overflow (d2l's exercise):";
    std::vector<std::string> overshoot;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ExpLimits &r = rows[i];
        const Format f = r.format;
        text += std::string(i == 0 ? " " : "; ") + std::string(formatName(f)) + " "
            + shortestText(r.smallestPositive, f) + " <= x <= " + shortestText(r.largestFinite, f) + " (normal from "
            + shortestText(r.smallestNormal, f) + ")";
        if (r.lnMax > r.largestFinite)
            overshoot.emplace_back(formatName(f));
    }
    text += ".";
    if (!overshoot.empty()) {
        std::string names;
        for (std::size_t i = 0; i < overshoot.size(); ++i)
            names += (i == 0 ? "" : i + 1 == overshoot.size() ? " and " : ", ") + overshoot[i];
        text += " Careful: in " + names
            + ", ln(max) rounded to the format is above the largest x, so exp(ln(max)) is inf there.";
    }
    return wrapped(text, 100);
}

void writeTable(const std::vector<ExpLimits> &rows, std::ostream &out)
{
    out << "exp limits of each format: exp(x) is the exact exponential rounded once to the format (to nearest, "
           "ties to even; MPFR)\n\n";
    std::vector<std::vector<std::string>> values {{"dtype", "epsilon", "max", "min_normal", "min_subnormal", "ln(max)",
        "largest x, exp finite", "smallest x, exp > 0", "smallest x, exp normal"}};
    std::vector<std::vector<std::string>> exact {
        {"dtype", "exp(x) = inf for x >", "exp(x) = 0 for x <", "exp(x) subnormal for x <", "ln(max)"}};
    for (const ExpLimits &r : rows) {
        const Format f = r.format;
        values.push_back({std::string(formatName(f)), shortestText(r.epsilon, f), shortestText(r.maxValue, f),
            shortestText(r.minNormal, f), shortestText(r.minSubnormal, f), shortestText(r.lnMax, f),
            shortestText(r.largestFinite, f), shortestText(r.smallestPositive, f), shortestText(r.smallestNormal, f)});
        exact.push_back({std::string(formatName(f)), r.overflowDigits, r.zeroDigits, r.subnormalDigits, r.lnMaxDigits});
    }
    out << formatTable(values) << "\nthe exact thresholds (real x, at least 20 significant digits):\n\n"
        << formatTable(exact) << '\n'
        << explanation(rows);
}

} // namespace

CliCommand limitsCommand()
{
    return {QStringLiteral("limits"),
        QStringLiteral("The exp-limits table: epsilon, max, min normal, ln(max), where exp overflows and underflows."),
        [](QCommandLineParser &p) {
            p.addOption(QCommandLineOption(QStringLiteral("dtype"),
                QStringLiteral("Formats to show, comma-separated or repeated (default: all): float16|half|fp16, "
                               "bfloat16|bf16, float32|float|fp32, float64|double|fp64, float80|longdouble."),
                QStringLiteral("LIST")));
            addJsonOption(p);
        },
        [](const QCommandLineParser &p, std::ostream &out, std::ostream &) {
            std::vector<ExpLimits> rows;
            for (Format f : requestedFormats(p))
                rows.push_back(expLimits(f));
            if (p.isSet(QStringLiteral("json")))
                writeJson(rows, out);
            else
                writeTable(rows, out);
            return 0;
        }};
}

} // namespace logitlab::cli
