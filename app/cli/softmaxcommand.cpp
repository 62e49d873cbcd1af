/** \file `logitlab-cli softmax`: every softmax method in one format against the MPFR reference. */
#include "cli/clicommand.h"
#include "cli/jsonwriter.h"

#include "precision/mpfrutil.h"

#include "softmax/softmaxreport.h"
#include "text/numbertext.h"

namespace logitlab::cli {
namespace {

void writeJson(const SoftmaxReport &r, std::ostream &out)
{
    JsonWriter w;
    w.beginObject();
    w.key("command").string("softmax");
    w.key("dtype").string(formatName(r.format));
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
    w.endObject();
    out << w.text();
}

void writeTable(const SoftmaxReport &r, std::ostream &out)
{
    out << "softmax of " << r.logits.size() << (r.logits.size() == 1 ? " logit" : " logits") << " in "
        << formatName(r.format) << " (reference: MPFR, correctly rounded)\n\n";
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

} // namespace

CliCommand softmaxCommand()
{
    return {QStringLiteral("softmax"),
        QStringLiteral("Softmax of a logit list: naive, shifted, log-softmax and Higham's method vs MPFR."),
        [](QCommandLineParser &p) {
            p.addOption(QCommandLineOption(QStringLiteral("logits"),
                QStringLiteral("Logits, e.g. \"[1000, 2000, 3000]\" or \"1 2 3\"."), QStringLiteral("LIST")));
            addDtypeOption(p);
            addJsonOption(p);
        },
        [](const QCommandLineParser &p, std::ostream &out, std::ostream &) {
            const Format f = dtypeOption(p);
            const std::vector<long double> logits
                = parseLogitList(requiredOption(p, QStringLiteral("logits")), f, QStringLiteral("logits"));
            const SoftmaxReport report = computeSoftmaxReport(logits, f);
            if (p.isSet(QStringLiteral("json")))
                writeJson(report, out);
            else
                writeTable(report, out);
            return 0;
        }};
}

} // namespace logitlab::cli
