// SPDX-License-Identifier: GPL-3.0-or-later
/** \file `logitlab-cli sum`: n numbers added four ways against the exact sum; a repeated addend's stagnation point. */
#include "cli/clicommand.h"
#include "cli/jsonwriter.h"

#include "precision/mpfrutil.h"
#include "sum/sumreport.h"
#include "text/numbertext.h"

#include <mpfr.h>

#include <algorithm>
#include <string>
#include <vector>

namespace logitlab::cli {
namespace {

/** \brief What to add: a list of terms, or one addend a number of times. */
struct SumInput {
    bool repeated = false;
    std::vector<long double> values; ///< the terms, rounded to the format
    long double addend = 0; ///< --repeat X, rounded to the format
    std::uint64_t count = 0; ///< --count N
};

/** True for "[]" (with any white space): a list with nothing in it, whose sum is 0. */
bool isEmptyBrackets(const std::string &text)
{
    std::string compact;
    for (const char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            compact += c;
    return compact == "[]";
}

/** --count N: a whole number from 0 to maxRepeatCount, in decimal or scientific notation (1e8). */
std::uint64_t parseCount(const QString &text)
{
    const QString name = QStringLiteral("count");
    const std::string s = text.trimmed().toStdString();
    if (s.empty())
        throw UsageError(QStringLiteral("--count is empty: give a whole number"));
    const auto value = decimalToMp(s, 256);
    if (!value || !mpfr_integer_p(value->mpfr_srcptr()))
        throw UsageError(QStringLiteral("--count: '%1' is not a whole number").arg(text));
    if (*value < 0 || *value > static_cast<double>(maxRepeatCount))
        throw UsageError(QStringLiteral("--count: %1 is out of range [0, %2]").arg(text).arg(maxRepeatCount));
    return static_cast<std::uint64_t>(value->toULong());
}

SumInput parseInput(const QCommandLineParser &p, Format f)
{
    const bool values = p.isSet(QStringLiteral("values"));
    const bool repeat = p.isSet(QStringLiteral("repeat"));
    const bool count = p.isSet(QStringLiteral("count"));
    SumInput input;
    if (values) {
        if (repeat || count)
            throw UsageError(QStringLiteral("--values and --%1 exclude each other: give --values LIST, or --repeat "
                                            "X --count N")
                                 .arg(repeat ? QStringLiteral("repeat") : QStringLiteral("count")));
        const ListInput list = listOption(p, QStringLiteral("values"));
        if (isEmptyBrackets(list.text))
            return input; // the empty sum
        for (const std::vector<long double> &row : parseLogitMatrix(list, f))
            input.values.insert(input.values.end(), row.begin(), row.end()); // a matrix, row after row
        return input;
    }
    if (repeat) {
        input.repeated = true;
        input.addend = parseNumber(requiredOption(p, QStringLiteral("repeat")), f, QStringLiteral("repeat"));
        input.count = parseCount(requiredOption(p, QStringLiteral("count")));
        return input;
    }
    if (count)
        throw UsageError(QStringLiteral("--count goes with --repeat X: give --repeat X --count N"));
    throw UsageError(QStringLiteral("missing --values LIST or --repeat X --count N"));
}

/** "float32", or for float80, which has no wider format, "float80 (none wider)". */
std::string accumulatorText(SumMethod m, const SumReport &r)
{
    if (m != SumMethod::Wider)
        return std::string(formatName(r.format));
    if (r.accumulator == r.format)
        return std::string(formatName(r.format)) + " (none wider)";
    return std::string(formatName(r.accumulator)) + ", rounded once";
}

std::string_view stagnationStatus(StagnationKind k)
{
    switch (k) {
    case StagnationKind::Stagnates: return "stagnates";
    case StagnationKind::Overflows: return "overflows";
    case StagnationKind::ZeroAddend: return "zero_addend";
    case StagnationKind::NotFinite: return "not_finite";
    }
    return "stagnates";
}

void writeJson(const SumReport &r, std::ostream &out)
{
    const Format f = r.format;
    JsonWriter w;
    w.beginObject();
    w.key("command").string("sum");
    w.key("dtype").string(formatName(f));
    w.key("mode").string(r.repeated ? "repeat" : "values");
    if (r.repeated)
        w.key("repeat").number(r.addend, f);
    w.key("count").integer(static_cast<long long>(r.count));
    w.key("exact_decimal").string(r.exactDecimal);
    w.key("reference").number(r.exactDouble);
    w.key("reference_in_dtype").number(r.exactRounded, f);
    w.key("methods").beginObject();
    for (const SumMethodResult &m : r.methods) {
        w.key(sumMethodKey(m.method)).beginObject();
        w.key("sum").number(m.value, f);
        w.key("ulp_error").number(m.ulpError);
        w.key("relative_error").number(m.relativeError);
        w.key("accumulator").string(formatName(m.method == SumMethod::Wider ? r.accumulator : f));
        w.endObject();
    }
    w.endObject();
    if (r.repeated) {
        const Stagnation &s = r.stagnation;
        w.key("stagnation").beginObject();
        w.key("status").string(stagnationStatus(s.kind));
        if (s.kind == StagnationKind::Stagnates || s.kind == StagnationKind::Overflows) {
            w.key("terms").integerDigits(termCountText(s.terms));
            w.key("sum").number(s.sum, f);
        }
        w.endObject();
    }
    w.endObject();
    w.writeTo(out);
}

/** The stagnation point in a sentence. */
std::string stagnationText(const SumReport &r)
{
    const Format f = r.format;
    const Stagnation &s = r.stagnation;
    const std::string x = shortestText(r.addend, f);
    const std::string name(formatName(f));
    switch (s.kind) {
    case StagnationKind::Stagnates: {
        const std::string sum = shortestText(s.sum, f);
        std::string text = "stagnation point: the recursive sum of " + x + " stops growing after "
            + termCountText(s.terms) + " terms, at " + sum + ": " + sum + " + " + x + " = " + sum + " in " + name;
        if (s.terms < r.count)
            text += "; this sum of " + std::to_string(r.count) + " terms is past it";
        return text + ".";
    }
    case StagnationKind::Overflows:
        return "stagnation point: none; the recursive sum of " + x + " reaches " + shortestText(s.sum, f) + " after "
            + termCountText(s.terms) + " terms, before it stops growing.";
    case StagnationKind::ZeroAddend: return "stagnation point: none; adding " + x + " never changes the sum.";
    case StagnationKind::NotFinite: return "stagnation point: none; the addend is " + x + ", and so is every sum.";
    }
    return {};
}

void writeTable(const SumReport &r, std::ostream &out)
{
    const Format f = r.format;
    const std::string name(formatName(f));
    if (r.repeated)
        out << "sum of " << shortestText(r.addend, f) << " added " << r.count << (r.count == 1 ? " time" : " times");
    else
        out << "sum of " << r.count << (r.count == 1 ? " number" : " numbers");
    out << " in " << name << ", every addition rounded to " << name << " (exact sum: MPFR)\n\n";
    out << "exact sum: " << r.exactDecimal << " (to " << name << ": " << shortestText(r.exactRounded, f) << ")\n\n";
    std::vector<std::vector<std::string>> rows {{"method", "sum", "ulp error", "relative error", "adds in"}};
    for (const SumMethodResult &m : r.methods)
        rows.push_back({std::string(sumMethodKey(m.method)), shortestText(m.value, f), ulpErrorText(m.ulpError),
            errorText(m.relativeError), accumulatorText(m.method, r)});
    out << formatTable(rows) << '\n';
    if (r.repeated)
        out << wrapped(stagnationText(r), 100) << '\n';
    out << wrapped("recursive adds left to right; pairwise adds the pairwise sums of the two halves, down to single "
                   "terms; kahan subtracts each addition's rounding error from the next term; wider adds in "
            + std::string(formatName(r.accumulator)) + " and rounds to " + name + " once at the end"
            + (r.accumulator == f ? " (no format is wider: the same as recursive)" : "")
            + ". ulp error: |sum - exact| in units in the last place of " + name + " at the exact sum.",
        100);
}

} // namespace

CliCommand sumCommand()
{
    return {QStringLiteral("sum"),
        QStringLiteral("Adds numbers four ways (recursive, pairwise, Kahan, wider) against the exact sum; where a "
                       "repeated sum stagnates."),
        [](QCommandLineParser &p) {
            p.addOption(QCommandLineOption(QStringLiteral("values"),
                QStringLiteral("The numbers to add, in order: a LIST ('0.1, 0.2, 0.3'), @FILE or - (stdin); each is "
                               "rounded to the format first. A matrix is added row after row; '[]' is the empty "
                               "sum, 0."),
                QStringLiteral("LIST")));
            p.addOption(QCommandLineOption(QStringLiteral("repeat"),
                QStringLiteral("Add X (rounded to the format) --count times, and find where recursive summation "
                               "of X stops growing."),
                QStringLiteral("X")));
            p.addOption(QCommandLineOption(QStringLiteral("count"),
                QStringLiteral("How many times --repeat adds X: 0 to 100000000 (1e8 is accepted)."),
                QStringLiteral("N")));
            addDtypeOption(p);
            addJsonOption(p);
        },
        [](const QCommandLineParser &p, std::ostream &out, std::ostream &) {
            const Format f = dtypeOption(p);
            const SumInput input = parseInput(p, f);
            const SumReport r = input.repeated ? computeRepeatReport(input.addend, input.count, f)
                                               : computeSumReport(input.values, f);
            if (p.isSet(QStringLiteral("json")))
                writeJson(r, out);
            else
                writeTable(r, out);
            return 0;
        }};
}

} // namespace logitlab::cli
