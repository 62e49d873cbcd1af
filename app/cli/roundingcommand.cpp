// SPDX-License-Identifier: GPL-3.0-or-later
/** \file `logitlab-cli rounding`: expressions rounded operation by operation, beside their exact value. */
#include "cli/clicommand.h"
#include "cli/jsonwriter.h"

#include "expr/expressionresult.h"
#include "lab/roundinglab.h"
#include "precision/floatanatomy.h"
#include "text/numbertext.h"

#include <algorithm>
#include <cmath>

namespace logitlab::cli {
namespace {

/** Where \a byteOffset of the UTF-8 text of \a text is, in characters counted from 1. */
qsizetype characterAt(const QString &text, std::size_t byteOffset)
{
    return QString::fromUtf8(text.toUtf8().left(static_cast<qsizetype>(byteOffset))).size() + 1;
}

QString describe(const ExprError &e, const QString &text)
{
    const QString token = QString::fromStdString(e.token);
    const qsizetype at = characterAt(text, e.position); // characters, not UTF-8 bytes (１＋＊: '＊' is 3rd)
    switch (e.kind) {
    case ExprErrorKind::Empty: return QStringLiteral("is empty");
    case ExprErrorKind::UnexpectedToken: return QStringLiteral("unexpected '%1' at character %2").arg(token).arg(at);
    case ExprErrorKind::UnexpectedEnd: return QStringLiteral("ends too early at character %1").arg(at);
    case ExprErrorKind::UnknownFunction:
        return QStringLiteral("unknown function '%1' at character %2 (known: exp log log1p expm1 sqrt pow)")
            .arg(token)
            .arg(at);
    case ExprErrorKind::WrongArity: return QStringLiteral("wrong number of arguments in '%1'").arg(token);
    case ExprErrorKind::MissingParen: return QStringLiteral("'(' at character %1 is never closed").arg(at);
    case ExprErrorKind::TooComplex:
        return QStringLiteral("is too long or too deeply nested (the limits: %1 characters, %2 operations, "
                              "100 levels of nested parentheses or function calls)")
            .arg(maxExpressionLength)
            .arg(maxExpressionNodes);
    }
    return QStringLiteral("is not an expression");
}

/**
 * The expression as quoted in an error line: whole when short, else about 60 characters around
 * the error with "…" where text was left out (a 20 KB expression made a 20 KB error line).
 */
QString excerpt(const QString &text, const ExprError &e)
{
    constexpr qsizetype shown = 60;
    if (text.size() <= shown)
        return text;
    // The error's place in characters (its byte offset in the UTF-8 text).
    const qsizetype at = characterAt(text, e.position) - 1;
    const qsizetype from = std::clamp<qsizetype>(at - shown / 2, 0, text.size() - shown);
    return (from > 0 ? QStringLiteral("…") : QString()) + text.mid(from, shown)
        + (from + shown < text.size() ? QStringLiteral("…") : QString());
}

struct Row {
    std::string expr;
    ExpressionResult result;
};

/** The budget of every expression's exact value (core's defaults, stated in --help and the README). */
const ExactBudget budget;

const char *statusName(ExactStatus s)
{
    switch (s) {
    case ExactStatus::Determined: return "determined";
    case ExactStatus::PrecisionLimit: return "precision_limit";
    case ExactStatus::TimeLimit: return "time_limit";
    case ExactStatus::Cancelled: return "cancelled";
    case ExactStatus::BeyondRange: return "beyond_range";
    }
    return "unknown";
}

std::string budgetSeconds()
{
    return shortestText(static_cast<long double>(budget.time.count()) / 1000, Format::Float64);
}

/** Why the exact value is not known, in plain words with its bounds; empty when it is determined. */
std::string statusNote(const ExpressionResult &r)
{
    const std::string reached = "exact value not determined to " + std::to_string(r.exactBits) + " bits";
    const std::string limits = " (limits: " + std::to_string(budget.maxBits) + " bits, " + budgetSeconds()
        + " s); it lies in [" + r.exactLowerDigits + ", " + r.exactUpperDigits + "]";
    switch (r.exactStatus) {
    case ExactStatus::Determined: return {};
    case ExactStatus::PrecisionLimit: return reached + limits;
    case ExactStatus::TimeLimit:
    case ExactStatus::Cancelled: return reached + " within the " + budgetSeconds() + " s budget" + limits;
    case ExactStatus::BeyondRange:
        return r.exactUpperDigits == "inf"
            ? "beyond MPFR's range, greater than " + r.exactLowerDigits + "; every format rounds it to inf"
            : "beyond MPFR's range, less than " + r.exactUpperDigits + "; every format rounds it to -inf";
    }
    return {};
}

void writeJson(const std::vector<Row> &rows, std::ostream &out)
{
    JsonWriter w;
    w.beginObject();
    w.key("command").string("rounding");
    w.key("exact_budget").beginObject();
    w.key("max_bits").number(static_cast<double>(budget.maxBits));
    w.key("seconds").number(static_cast<double>(budget.time.count()) / 1000);
    w.endObject();
    w.key("results").beginArray();
    for (const Row &row : rows) {
        const ExpressionResult &r = row.result;
        const FloatAnatomy a = anatomize(r.value, r.format);
        w.beginObject();
        w.key("expr").string(row.expr);
        w.key("dtype").string(formatName(r.format));
        w.key("value").number(r.value, r.format);
        w.key("exact_decimal").string(a.exactDecimal);
        w.key("hex").string(a.hex);
        w.key("bits").string(a.bits);
        w.key("next").number(a.next, r.format);
        w.key("previous").number(a.previous, r.format);
        w.key("ulp").number(a.ulp, r.format);
        w.key("reference").string(r.exactDigits);
        w.key("reference_exact").boolean(r.exactKnown);
        w.key("reference_status").string(statusName(r.exactStatus));
        w.key("reference_bits").number(static_cast<double>(r.exactBits));
        w.key("reference_lower").string(r.exactLowerDigits);
        w.key("reference_upper").string(r.exactUpperDigits);
        w.key("reference_note").string(statusNote(r));
        w.key("reference_in_dtype").number(r.exactRounded, r.format);
        w.key("abs_error").number(r.absError);
        w.key("rel_error").number(r.relError);
        w.key("ulp_error").number(r.ulpError);
        w.key("ulp_distance").number(r.ulpDistance);
        w.key("nan").boolean(r.nan);
        w.key("overflow").boolean(r.overflow);
        w.key("underflow").boolean(r.underflow);
        w.key("steps").beginArray();
        for (const ExprStep &s : r.steps) {
            w.beginObject();
            w.key("text").string(s.text);
            w.key("value").number(s.value, r.format);
            w.key("exact_decimal").string(exactDecimal(s.value));
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.endObject();
    out << w.text();
}

void writeTable(const std::vector<Row> &rows, std::ostream &out)
{
    for (const Row &row : rows) {
        const ExpressionResult &r = row.result;
        const FloatAnatomy a = anatomize(r.value, r.format);
        out << row.expr << "  in " << formatName(r.format) << '\n'
            << "  value        " << shortestText(r.value, r.format) << '\n'
            << "  stored as    " << a.exactDecimal << '\n'
            << "  bits         " << a.bits << "  (" << a.hex << ")\n"
            << "  exact        " << (r.exactKnown ? r.exactDigits : statusNote(r)) << '\n';
        if (!r.exactKnown && !mpfr::isnan(r.exact))
            out << "               about " << r.exactDigits << '\n'; // the bounds agree to 2^-112
        if (mpfr::isnan(r.exact) && !r.exactKnown && r.exactStatus != ExactStatus::BeyondRange)
            out << "  errors       unknown (the exact value is not determined)\n";
        else
            out << "  errors       abs " << errorText(r.absError) << ", rel " << errorText(r.relError) << ", "
                << ulpErrorText(r.ulpError) << " ulp ("
                << (std::isnan(r.exactRounded) ? "its correct rounding is not decided"
                                               : shortestText(r.ulpDistance, Format::Float64)
                               + " floats from the correctly rounded " + shortestText(r.exactRounded, r.format))
                << ")\n";
        for (const ExprStep &s : r.steps)
            if (!s.literal)
                out << "    " << s.text << " = " << exactDecimal(s.value) << '\n';
        out << '\n';
    }
}

} // namespace

CliCommand roundingCommand()
{
    return {QStringLiteral("rounding"),
        QStringLiteral("Evaluate expressions with every operation rounded in a format; exact value and error."),
        [](QCommandLineParser &p) {
            QStringList defaults;
            for (const std::string &e : RoundingLab {}.expressions)
                defaults << QString::fromStdString(e);
            p.addOption(QCommandLineOption(QStringLiteral("expr"),
                QStringLiteral("Expression; repeat for several (default: the window's %1). Each exact value may "
                               "take up to %2 bits and %3 s; past that its bounds are printed instead.")
                    .arg(defaults.join(QStringLiteral(" and ")))
                    .arg(budget.maxBits)
                    .arg(QString::fromStdString(budgetSeconds())),
                QStringLiteral("EXPR")));
            addDtypeOption(p, true);
            addJsonOption(p);
        },
        [](const QCommandLineParser &p, std::ostream &out, std::ostream &) {
            const RoundingLab defaults;
            QStringList exprs = p.values(QStringLiteral("expr"));
            if (exprs.isEmpty())
                for (const std::string &e : defaults.expressions)
                    exprs << QString::fromStdString(e);
            const std::vector<Format> formats = dtypeOptions(p, defaults.formats);
            std::vector<Expression> parsed;
            for (const QString &text : exprs) {
                auto e = parseExpression(text.toStdString());
                if (auto *error = std::get_if<ExprError>(&e))
                    throw UsageError(
                        QStringLiteral("--expr '%1'%2 %3")
                            .arg(excerpt(text, *error),
                                text.size() > 60 ? QStringLiteral(" (%1 characters)").arg(text.size()) : QString(),
                                describe(*error, text)));
                parsed.push_back(std::move(std::get<Expression>(e)));
            }
            // The exact value once per expression, escalated only until the requested formats decide.
            std::vector<Row> rows;
            for (const Expression &e : parsed)
                for (ExpressionResult &r : evaluateInFormats(e, formats, budget))
                    rows.push_back({e.source, std::move(r)});
            if (p.isSet(QStringLiteral("json")))
                writeJson(rows, out);
            else
                writeTable(rows, out);
            return 0;
        }};
}

} // namespace logitlab::cli
