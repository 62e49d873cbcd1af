// SPDX-License-Identifier: GPL-3.0-or-later
/** \file `logitlab-cli softmax`: every softmax method in one format against the MPFR reference. */
#include "cli/clicommand.h"
#include "cli/jsonwriter.h"

#include "precision/mpfrutil.h"

#include "softmax/naivebreak.h"
#include "softmax/softmaxentropy.h"
#include "softmax/softmaxreport.h"
#include "sweep/softmaxsweep.h"
#include "text/numberlist.h"
#include "text/numbertext.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

namespace logitlab::cli {
namespace {

/**
 * \brief What the temperature adds to one vector's report: the entropy of its distribution and
 * where the naive form breaks as T falls (from the logits at T = 1).
 */
struct TemperatureView {
    long double temperature = 1;
    SoftmaxEntropy entropy;
    std::array<NaiveBreak, allFormats.size()> breaks {};

    /** Whether the naive form is broken at this temperature in the format of \a b. */
    bool broken(const NaiveBreak &b) const
    {
        return b.kind == NaiveBreakKind::Always || (b.kind != NaiveBreakKind::Never && temperature < b.below);
    }
};

/**
 * \a logits: the report's (z / T in the format); \a atUnitTemperature: the same logits at T = 1;
 * \a temperature: T as given.
 */
TemperatureView temperatureView(const std::vector<long double> &logits,
    const std::vector<long double> &atUnitTemperature, const std::string &temperature)
{
    return {decimalToFormat(temperature, Format::Float80).value_or(1), softmaxEntropyReference(logits),
        naiveBreaks(atUnitTemperature)};
}

std::string_view breakKindKey(NaiveBreakKind k)
{
    switch (k) {
    case NaiveBreakKind::Never: return "never";
    case NaiveBreakKind::Overflow: return "overflow";
    case NaiveBreakKind::Underflow: return "underflow";
    case NaiveBreakKind::Always: return "always";
    }
    return "never";
}

/** A threshold or temperature for reading: 6 significant digits. */
std::string sixDigits(long double v)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.6Lg", v);
    return text;
}

void writeTemperatureFields(JsonWriter &w, std::size_t n, const TemperatureView &t)
{
    w.key("entropy").beginObject();
    w.key("nats").number(roundToFormat(t.entropy.nats, Format::Float64), Format::Float64);
    w.key("bits").number(roundToFormat(t.entropy.bits, Format::Float64), Format::Float64);
    // The range of H for n classes: 0 (one certain class) to ln n (all equal).
    w.key("max_nats").number(n ? std::log(static_cast<double>(n)) : 0.0);
    w.key("max_bits").number(n ? std::log2(static_cast<double>(n)) : 0.0);
    w.endObject();
    w.key("naive_breaks").beginObject();
    for (const NaiveBreak &b : t.breaks) {
        w.key(formatName(b.format)).beginObject();
        w.key("kind").string(breakKindKey(b.kind));
        if (b.kind == NaiveBreakKind::Overflow || b.kind == NaiveBreakKind::Underflow) {
            w.key("below_temperature").number(b.below, Format::Float64);
            w.key("exp_threshold").number(b.threshold, Format::Float64);
        }
        w.key("broken_at_temperature").boolean(t.broken(b));
        w.endObject();
    }
    w.endObject();
}

/** The entropy line and the naive-break table of one vector. */
void writeTemperatureTable(std::size_t n, const TemperatureView &t, std::ostream &out)
{
    out << "\nentropy H(p) = " << shortestText(roundToFormat(t.entropy.nats, Format::Float64), Format::Float64)
        << " nats = " << shortestText(roundToFormat(t.entropy.bits, Format::Float64), Format::Float64) << " bits";
    if (n > 0)
        out << " (0 to ln " << n << " = " << sixDigits(std::log(static_cast<long double>(n)))
            << " nats = " << sixDigits(std::log2(static_cast<long double>(n))) << " bits)";
    out << '\n';
    const NaiveBreakKind kind = t.breaks.front().kind; // the same in every format
    if (kind == NaiveBreakKind::Never) {
        out << "naive softmax never breaks as T falls: the largest logit is 0, and exp(0 / T) = 1\n";
        return;
    }
    if (kind == NaiveBreakKind::Always) {
        out << "naive softmax gives NaN at every temperature: a logit is NaN or +inf, or every logit is -inf\n";
        return;
    }
    out << (kind == NaiveBreakKind::Overflow
            ? "naive softmax breaks as T falls: exp(max z / T) overflows to inf once max z / T passes the "
              "threshold (inf/inf = NaN)\n"
            : "naive softmax breaks as T falls: every exp(z_i / T) rounds to 0 once max z / T is below the "
              "threshold (0/0 = NaN)\n");
    std::vector<std::vector<std::string>> rows {
        {"dtype", "breaks for T below", "exp threshold", "at T = " + sixDigits(t.temperature)}};
    for (const NaiveBreak &b : t.breaks)
        rows.push_back({std::string(formatName(b.format)), sixDigits(b.below), sixDigits(b.threshold),
            t.broken(b) ? "NaN" : "finite"});
    out << formatTable(rows);
}

/** What the vector command prints about one vector, and the matrix command about each slice. */
void writeReportFields(JsonWriter &w, const SoftmaxReport &r, const TemperatureView &t)
{
    w.key("logits").numbers(r.logits, r.format);
    std::vector<long double> reference;
    for (const mpfr::mpreal &p : r.reference.softmax)
        reference.push_back(roundToFormat(p, Format::Float64)); // Ziv-checked: correctly rounded
    w.key("reference").numbers(reference, Format::Float64);
    w.key("reference_in_dtype").numbers(r.referenceRounded, r.format);
    w.key("methods").beginObject();
    for (const SoftmaxMethodResult &m : r.methods) {
        w.key(softmaxMethodKey(m.method)).beginObject();
        w.key("values").numbers(m.values, r.format);
        if (!m.logValues.empty())
            w.key("log_values").numbers(m.logValues, r.format);
        w.key("ulp_errors").numbers(m.ulpErrors);
        w.key("max_ulp_error").number(m.maxUlpError);
        w.key("nan").boolean(m.nan);
        w.key("overflow").boolean(m.overflow);
        w.key("sum_overflow").boolean(m.sumOverflow);
        w.key("underflow").boolean(m.underflow);
        w.endObject();
    }
    w.endObject();
    writeTemperatureFields(w, r.logits.size(), t);
}

JsonWriter vectorJson(const SoftmaxReport &r, const std::string &temperature, const TemperatureView &t)
{
    JsonWriter w;
    w.beginObject();
    w.key("command").string("softmax");
    w.key("dtype").string(formatName(r.format));
    w.key("temperature").string(temperature);
    writeReportFields(w, r, t);
    w.endObject();
    return w;
}

/** The per-element table, the per-method summary lines, the entropy and the naive breaks of one vector. */
void writeReportTable(const SoftmaxReport &r, const TemperatureView &t, std::ostream &out)
{
    std::vector<std::vector<std::string>> rows {{"i", "logit", "reference"}};
    for (const SoftmaxMethodResult &m : r.methods) {
        rows[0].push_back(std::string(softmaxMethodKey(m.method)));
        rows[0].push_back("ulp");
    }
    for (std::size_t i = 0; i < r.logits.size(); ++i) {
        std::vector<std::string> row {std::to_string(i), shortestText(r.logits[i], r.format),
            shortestText(roundToFormat(r.reference.softmax[i], Format::Float64), Format::Float64)};
        for (const SoftmaxMethodResult &m : r.methods) {
            row.push_back(shortestText(m.values[i], r.format));
            row.push_back(ulpErrorText(m.ulpErrors[i]));
        }
        rows.push_back(std::move(row));
    }
    out << formatTable(rows) << '\n';
    for (const SoftmaxMethodResult &m : r.methods) {
        out << softmaxMethodKey(m.method) << ": max error " << ulpErrorText(m.maxUlpError) << " ulp";
        if (m.sumOverflow)
            out << "; the sum of the exps overflowed to inf, so every p = finite / inf = 0";
        else if (m.overflow)
            out << "; exp overflowed to inf";
        if (m.underflow)
            out << "; exp underflowed";
        if (m.nan)
            out << "; NaN in the result";
        out << '\n';
    }
    writeTemperatureTable(r.logits.size(), t, out);
}

std::string logitCount(std::size_t n)
{
    return std::to_string(n) + (n == 1 ? " logit" : " logits");
}

/** The end of the first line: the temperature when --temperature was given, and the reference. */
std::string temperaturePhrase(const std::optional<std::string> &temperature)
{
    return temperature ? " at temperature T = " + *temperature
            + " (each logit divided by T, rounded once; reference: MPFR, correctly rounded)"
                       : std::string(" (reference: MPFR, correctly rounded)");
}

void writeTable(
    const SoftmaxReport &r, const std::optional<std::string> &temperature, const TemperatureView &t, std::ostream &out)
{
    out << "softmax of " << logitCount(r.logits.size()) << " in " << formatName(r.format)
        << temperaturePhrase(temperature) << "\n\n";
    writeReportTable(r, t, out);
}

/** \brief A matrix softmax: one report per row (dim 1) or per column (dim 0), as the window's matrix mode. */
struct MatrixReport {
    Format format {};
    int dim = 1;
    std::size_t rows = 0, columns = 0;
    std::vector<SoftmaxReport> slices;
    std::vector<TemperatureView> temperature; ///< per slice

    const char *sliceName() const { return dim == 1 ? "row" : "column"; }
};

/** Row (dim 1) or column (dim 0) \a s of \a matrix. */
std::vector<long double> sliceOf(const std::vector<std::vector<long double>> &matrix, int dim, std::size_t s)
{
    if (dim == 1)
        return matrix[s];
    std::vector<long double> slice;
    for (const auto &row : matrix)
        slice.push_back(row[s]);
    return slice;
}

MatrixReport computeMatrixReport(const std::vector<std::vector<long double>> &matrix,
    const std::vector<std::vector<long double>> &atUnitTemperature, const std::string &temperature, int dim, Format f)
{
    MatrixReport m {f, dim, matrix.size(), matrix.front().size(), {}, {}};
    // PyTorch's dim=1 normalises each row, dim=0 each column.
    const std::size_t count = dim == 1 ? m.rows : m.columns;
    for (std::size_t s = 0; s < count; ++s) {
        const std::vector<long double> slice = sliceOf(matrix, dim, s);
        m.slices.push_back(computeSoftmaxReport(slice, f));
        m.temperature.push_back(temperatureView(slice, sliceOf(atUnitTemperature, dim, s), temperature));
    }
    return m;
}

JsonWriter matrixJson(const MatrixReport &m, const std::string &temperature)
{
    JsonWriter w;
    w.beginObject();
    w.key("command").string("softmax");
    w.key("dtype").string(formatName(m.format));
    w.key("temperature").string(temperature);
    w.key("dim").integer(m.dim);
    w.key("shape").beginArray().integer(static_cast<long long>(m.rows)).integer(static_cast<long long>(m.columns));
    w.endArray();
    w.key("slices").beginArray();
    for (std::size_t s = 0; s < m.slices.size(); ++s) {
        w.beginObject();
        w.key(m.sliceName()).integer(static_cast<long long>(s));
        writeReportFields(w, m.slices[s], m.temperature[s]);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w;
}

void writeMatrixTable(const MatrixReport &m, const std::optional<std::string> &temperature, std::ostream &out)
{
    out << "softmax along dim " << m.dim << " (" << (m.dim == 1 ? "each row" : "each column") << ") of a " << m.rows
        << "x" << m.columns << " matrix in " << formatName(m.format) << temperaturePhrase(temperature) << '\n';
    for (std::size_t s = 0; s < m.slices.size(); ++s) {
        out << '\n' << m.sliceName() << ' ' << s << ": " << logitCount(m.slices[s].logits.size()) << "\n\n";
        writeReportTable(m.slices[s], m.temperature[s], out);
    }
}

/**
 * The logits of \a input (already checked by parseLogitMatrix) as typed, one vector per row: divided
 * by \a temperature and rounded once to \a f when given (else as parseLogitMatrix rounds them),
 * and at T = 1 in float80 for the break temperatures (a logit past float80's range is inf).
 */
void temperedMatrix(const ListInput &input, const std::optional<std::string> &temperature, Format f,
    std::vector<std::vector<long double>> &matrix, std::vector<std::vector<long double>> &atUnitTemperature)
{
    const auto parsed = parseNumberMatrix(input.text);
    const auto &rows = std::get<std::vector<std::vector<NumberToken>>>(parsed);
    atUnitTemperature.clear();
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::vector<std::string> tokens;
        std::vector<long double> wide;
        for (const NumberToken &t : rows[r]) {
            tokens.push_back(t.text);
            wide.push_back(decimalToFormat(t.text, Format::Float80).value_or(NAN));
        }
        atUnitTemperature.push_back(std::move(wide));
        if (temperature)
            matrix[r] = temperedLogits(tokens, *temperature, f);
    }
}

/** --dim as PyTorch numbers it for a matrix: 0 or 1, or -2 or -1 counting from the end. */
std::optional<int> dimOption(const QCommandLineParser &p)
{
    if (!p.isSet(QStringLiteral("dim")))
        return std::nullopt;
    return static_cast<int>(parseInteger(requiredOption(p, QStringLiteral("dim")), -2, 1, QStringLiteral("dim")));
}

int runSoftmax(const QCommandLineParser &p, std::ostream &out)
{
    const Format f = dtypeOption(p);
    const std::optional<int> dim = dimOption(p);
    const std::optional<std::string> temperature = temperatureOption(p);
    const std::string temperatureText = temperature.value_or("1");
    const ListInput input = listOption(p, QStringLiteral("logits"));
    std::vector<std::vector<long double>> matrix = parseLogitMatrix(input, f);
    std::vector<std::vector<long double>> atUnitTemperature;
    temperedMatrix(input, temperature, f, matrix, atUnitTemperature);
    const bool json = p.isSet(QStringLiteral("json"));
    // One row, or one value per row (a list written one number per line, as NumPy's loadtxt reads
    // it), is a list: one dimension.
    if (matrix.size() == 1 || matrix.front().size() == 1) {
        if (dim && *dim != 0 && *dim != -1)
            throw UsageError(
                QStringLiteral("--dim %1: the logits are a list (one dimension), so dim is 0 or -1").arg(*dim));
        std::vector<long double> logits, wide;
        if (matrix.size() == 1) {
            logits = std::move(matrix.front());
            wide = std::move(atUnitTemperature.front());
        } else
            for (std::size_t r = 0; r < matrix.size(); ++r) {
                logits.push_back(matrix[r].front());
                wide.push_back(atUnitTemperature[r].front());
            }
        matrix.clear();
        atUnitTemperature.clear();
        const TemperatureView t = temperatureView(logits, wide, temperatureText);
        // The report (350 MB of MPFR numbers for 10^6 logits) is a temporary of the first
        // statement, freed before the 200 MB of JSON are copied out.
        if (json) {
            const JsonWriter w = vectorJson(computeSoftmaxReport(logits, f), temperatureText, t);
            w.writeTo(out);
        } else
            writeTable(computeSoftmaxReport(logits, f), temperature, t, out);
        return 0;
    }
    if (!dim)
        throw UsageError(QStringLiteral("%1: a %2x%3 matrix needs --dim 0 or 1 (0: softmax down each column, "
                                        "1: along each row)")
                             .arg(input.label)
                             .arg(matrix.size())
                             .arg(matrix.front().size()));
    const int axis = *dim < 0 ? *dim + 2 : *dim;
    if (json) {
        const JsonWriter w
            = matrixJson(computeMatrixReport(matrix, atUnitTemperature, temperatureText, axis, f), temperatureText);
        w.writeTo(out);
    } else
        writeMatrixTable(computeMatrixReport(matrix, atUnitTemperature, temperatureText, axis, f), temperature, out);
    return 0;
}

} // namespace

CliCommand softmaxCommand()
{
    return {QStringLiteral("softmax"),
        QStringLiteral("Softmax of a logit list or matrix: naive, shifted, log-softmax, Higham's method and online "
                       "softmax vs MPFR."),
        [](QCommandLineParser &p) {
            p.addOption(QCommandLineOption(QStringLiteral("logits"),
                QStringLiteral("Logits, e.g. \"[1000, 2000, 3000]\" or \"1 2 3\"; a matrix as \"[[1,2],[3,4]]\", "
                               "\"1 2; 3 4\" or one row per line; @FILE reads them from a file, - from stdin."),
                QStringLiteral("LIST")));
            p.addOption(QCommandLineOption(QStringLiteral("dim"),
                QStringLiteral("For a matrix (PyTorch's dim): 1 = softmax along each row, 0 = down each column "
                               "(-1 and -2 count from the end). A list takes 0 or -1."),
                QStringLiteral("DIM")));
            addTemperatureOption(p);
            addDtypeOption(p);
            addJsonOption(p);
        },
        [](const QCommandLineParser &p, std::ostream &out, std::ostream &) { return runSoftmax(p, out); }};
}

} // namespace logitlab::cli
