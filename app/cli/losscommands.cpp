// SPDX-License-Identifier: GPL-3.0-or-later
/** \file `logitlab-cli cross-entropy` and `logitlab-cli bce`: each way of computing the loss vs MPFR. */
#include "cli/clicommand.h"
#include "cli/jsonwriter.h"

#include "precision/mpfrutil.h"

#include "losses/lossreport.h"
#include "text/numbertext.h"

namespace logitlab::cli {
namespace {

std::string text(long double v, Format f)
{
    return shortestText(v, f);
}

void writeMethods(JsonWriter &w, const std::vector<LossMethodResult> &methods, Format f,
    const std::function<std::string_view(std::size_t)> &key, bool vectorGradient)
{
    w.key("methods").beginObject();
    for (std::size_t i = 0; i < methods.size(); ++i) {
        w.key(key(i)).beginObject();
        w.key("loss").number(methods[i].loss, f);
        w.key("ulp_error").number(methods[i].ulpError);
        if (vectorGradient)
            w.key("gradient").numbers(methods[i].gradient, f);
        else
            w.key("gradient").number(methods[i].gradient.front(), f);
        w.endObject();
    }
    w.endObject();
}

int runCrossEntropy(const QCommandLineParser &p, std::ostream &out)
{
    const Format f = dtypeOption(p);
    const std::vector<long double> logits = parseLogitList(listOption(p, QStringLiteral("logits")), f);
    const auto label = static_cast<std::size_t>(parseInteger(requiredOption(p, QStringLiteral("label")), 0,
        static_cast<long long>(logits.size()) - 1, QStringLiteral("label")));
    const CrossEntropyReport r = computeCrossEntropyReport(logits, label, f);
    const auto key = [](std::size_t i) { return crossEntropyMethodKey(allCrossEntropyMethods[i]); };
    if (p.isSet(QStringLiteral("json"))) {
        JsonWriter w;
        w.beginObject();
        w.key("command").string("cross-entropy");
        w.key("dtype").string(formatName(f));
        w.key("logits").numbers(r.logits, f);
        w.key("label").integer(static_cast<long long>(label));
        w.key("reference").number(roundToFormat(r.reference, Format::Float64), Format::Float64);
        w.key("reference_in_dtype").number(r.referenceRounded, f);
        std::vector<long double> gradient;
        for (const mpfr::mpreal &g : r.referenceGradient)
            gradient.push_back(roundToFormat(g, Format::Float64));
        w.key("reference_gradient").numbers(gradient, Format::Float64);
        writeMethods(w, r.methods, f, key, true);
        w.endObject();
        out << w.text();
        return 0;
    }
    out << "sparse categorical cross-entropy in " << formatName(f) << ", label " << label << ", reference "
        << text(roundToFormat(r.reference, Format::Float64), Format::Float64) << " (MPFR)\n\n";
    std::vector<std::vector<std::string>> rows {{"method", "loss", "ulp error"}};
    for (std::size_t i = 0; i < r.methods.size(); ++i)
        rows.push_back({std::string(key(i)), text(r.methods[i].loss, f), ulpErrorText(r.methods[i].ulpError)});
    out << formatTable(rows);
    return 0;
}

int runBce(const QCommandLineParser &p, std::ostream &out)
{
    const Format f = dtypeOption(p);
    const long double z = parseNumber(requiredOption(p, QStringLiteral("logit")), f, QStringLiteral("logit"));
    const QString labelText = requiredOption(p, QStringLiteral("label"));
    const long double y = parseNumber(labelText, f, QStringLiteral("label"));
    if (!(y >= 0 && y <= 1))
        throw UsageError(QStringLiteral("--label: '%1' is not in [0, 1]").arg(labelText));
    const BceReport r = computeBceReport(z, y, f);
    const auto key = [](std::size_t i) { return bceMethodKey(allBceMethods[i]); };
    if (p.isSet(QStringLiteral("json"))) {
        JsonWriter w;
        w.beginObject();
        w.key("command").string("bce");
        w.key("dtype").string(formatName(f));
        w.key("logit").number(z, f);
        w.key("label").number(y, f);
        w.key("reference").number(roundToFormat(r.reference, Format::Float64), Format::Float64);
        w.key("reference_in_dtype").number(r.referenceRounded, f);
        w.key("reference_gradient").number(roundToFormat(r.referenceGradient, Format::Float64), Format::Float64);
        writeMethods(w, r.methods, f, key, false);
        w.endObject();
        out << w.text();
        return 0;
    }
    out << "binary cross-entropy in " << formatName(f) << " of z = " << text(z, f) << ", y = " << text(y, f)
        << ", reference " << text(roundToFormat(r.reference, Format::Float64), Format::Float64) << " (MPFR)\n\n";
    std::vector<std::vector<std::string>> rows {{"method", "loss", "ulp error", "dL/dz"}};
    for (std::size_t i = 0; i < r.methods.size(); ++i)
        rows.push_back({std::string(key(i)), text(r.methods[i].loss, f), ulpErrorText(r.methods[i].ulpError),
            text(r.methods[i].gradient.front(), f)});
    out << formatTable(rows);
    return 0;
}

} // namespace

CliCommand crossEntropyCommand()
{
    return {QStringLiteral("cross-entropy"),
        QStringLiteral("Sparse categorical cross-entropy: naive, probabilities, Keras-clipped, from_logits."),
        [](QCommandLineParser &p) {
            p.addOption(QCommandLineOption(QStringLiteral("logits"),
                QStringLiteral("Logits (a LIST), @FILE to read them from a file, - from stdin."),
                QStringLiteral("LIST")));
            p.addOption(QCommandLineOption(
                QStringLiteral("label"), QStringLiteral("True class K, an integer in [0, n)."), QStringLiteral("K")));
            addDtypeOption(p);
            addJsonOption(p);
        },
        [](const QCommandLineParser &p, std::ostream &out, std::ostream &) { return runCrossEntropy(p, out); }};
}

CliCommand bceCommand()
{
    return {QStringLiteral("bce"),
        QStringLiteral("Binary cross-entropy of one logit: naive sigmoid, Keras-clipped, from_logits."),
        [](QCommandLineParser &p) {
            p.addOption(
                QCommandLineOption(QStringLiteral("logit"), QStringLiteral("The logit z."), QStringLiteral("Z")));
            p.addOption(QCommandLineOption(
                QStringLiteral("label"), QStringLiteral("The label y in [0, 1]."), QStringLiteral("Y")));
            addDtypeOption(p);
            addJsonOption(p);
        },
        [](const QCommandLineParser &p, std::ostream &out, std::ostream &) { return runBce(p, out); }};
}

} // namespace logitlab::cli
