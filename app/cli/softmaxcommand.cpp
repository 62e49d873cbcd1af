// SPDX-License-Identifier: GPL-3.0-or-later
/** \file `logitlab-cli softmax`: every softmax method in one format against the MPFR reference. */
#include "cli/clicommand.h"
#include "cli/jsonwriter.h"

#include "precision/mpfrutil.h"

#include "softmax/softmaxreport.h"
#include "text/numbertext.h"

#include <optional>

namespace logitlab::cli {
namespace {

/** What the vector command prints about one vector, and the matrix command about each slice. */
void writeReportFields(JsonWriter &w, const SoftmaxReport &r)
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
}

JsonWriter vectorJson(const SoftmaxReport &r)
{
    JsonWriter w;
    w.beginObject();
    w.key("command").string("softmax");
    w.key("dtype").string(formatName(r.format));
    writeReportFields(w, r);
    w.endObject();
    return w;
}

/** The per-element table and the per-method summary lines of one vector. */
void writeReportTable(const SoftmaxReport &r, std::ostream &out)
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
}

std::string logitCount(std::size_t n)
{
    return std::to_string(n) + (n == 1 ? " logit" : " logits");
}

void writeTable(const SoftmaxReport &r, std::ostream &out)
{
    out << "softmax of " << logitCount(r.logits.size()) << " in " << formatName(r.format)
        << " (reference: MPFR, correctly rounded)\n\n";
    writeReportTable(r, out);
}

/** \brief A matrix softmax: one report per row (dim 1) or per column (dim 0), as the window's matrix mode. */
struct MatrixReport {
    Format format {};
    int dim = 1;
    std::size_t rows = 0, columns = 0;
    std::vector<SoftmaxReport> slices;

    const char *sliceName() const { return dim == 1 ? "row" : "column"; }
};

MatrixReport computeMatrixReport(const std::vector<std::vector<long double>> &matrix, int dim, Format f)
{
    MatrixReport m {f, dim, matrix.size(), matrix.front().size(), {}};
    // PyTorch's dim=1 normalises each row, dim=0 each column.
    const std::size_t count = dim == 1 ? m.rows : m.columns;
    for (std::size_t s = 0; s < count; ++s) {
        std::vector<long double> slice;
        if (dim == 1)
            slice = matrix[s];
        else
            for (const auto &row : matrix)
                slice.push_back(row[s]);
        m.slices.push_back(computeSoftmaxReport(slice, f));
    }
    return m;
}

JsonWriter matrixJson(const MatrixReport &m)
{
    JsonWriter w;
    w.beginObject();
    w.key("command").string("softmax");
    w.key("dtype").string(formatName(m.format));
    w.key("dim").integer(m.dim);
    w.key("shape").beginArray().integer(static_cast<long long>(m.rows)).integer(static_cast<long long>(m.columns));
    w.endArray();
    w.key("slices").beginArray();
    for (std::size_t s = 0; s < m.slices.size(); ++s) {
        w.beginObject();
        w.key(m.sliceName()).integer(static_cast<long long>(s));
        writeReportFields(w, m.slices[s]);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w;
}

void writeMatrixTable(const MatrixReport &m, std::ostream &out)
{
    out << "softmax along dim " << m.dim << " (" << (m.dim == 1 ? "each row" : "each column") << ") of a " << m.rows
        << "x" << m.columns << " matrix in " << formatName(m.format) << " (reference: MPFR, correctly rounded)\n";
    for (std::size_t s = 0; s < m.slices.size(); ++s) {
        out << '\n' << m.sliceName() << ' ' << s << ": " << logitCount(m.slices[s].logits.size()) << "\n\n";
        writeReportTable(m.slices[s], out);
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
    const ListInput input = listOption(p, QStringLiteral("logits"));
    std::vector<std::vector<long double>> matrix = parseLogitMatrix(input, f);
    const bool json = p.isSet(QStringLiteral("json"));
    // One row, or one value per row (a list written one number per line, as NumPy's loadtxt reads
    // it), is a list: one dimension.
    if (matrix.size() == 1 || matrix.front().size() == 1) {
        if (dim && *dim != 0 && *dim != -1)
            throw UsageError(
                QStringLiteral("--dim %1: the logits are a list (one dimension), so dim is 0 or -1").arg(*dim));
        std::vector<long double> logits;
        if (matrix.size() == 1)
            logits = std::move(matrix.front());
        else
            for (const auto &row : matrix)
                logits.push_back(row.front());
        matrix.clear();
        // The report (350 MB of MPFR numbers for 10^6 logits) is a temporary of the first
        // statement, freed before the 200 MB of JSON are copied out.
        if (json) {
            const JsonWriter w = vectorJson(computeSoftmaxReport(logits, f));
            w.writeTo(out);
        } else
            writeTable(computeSoftmaxReport(logits, f), out);
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
        const JsonWriter w = matrixJson(computeMatrixReport(matrix, axis, f));
        w.writeTo(out);
    } else
        writeMatrixTable(computeMatrixReport(matrix, axis, f), out);
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
            addDtypeOption(p);
            addJsonOption(p);
        },
        [](const QCommandLineParser &p, std::ostream &out, std::ostream &) { return runSoftmax(p, out); }};
}

} // namespace logitlab::cli
