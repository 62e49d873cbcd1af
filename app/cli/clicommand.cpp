#include "cli/clicommand.h"

#include "precision/mpfrutil.h"
#include "text/numberlist.h"

#include <QStringList>

#include <algorithm>

namespace logitlab::cli {

std::vector<CliCommand> allCommands()
{
    return {softmaxCommand(), crossEntropyCommand(), bceCommand(), roundingCommand(), trainCommand()};
}

void addDtypeOption(QCommandLineParser &parser, bool multiple)
{
    parser.addOption(QCommandLineOption(QStringLiteral("dtype"),
        multiple ? QStringLiteral("Number format; repeat for several (float16|half|fp16, bfloat16|bf16, "
                                  "float32|float|fp32, float64|double|fp64, float80|longdouble).")
                 : QStringLiteral("Number format: float16|half|fp16, bfloat16|bf16, float32|float|fp32 "
                                  "(default), float64|double|fp64, float80|longdouble."),
        QStringLiteral("D")));
}

void addJsonOption(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print one JSON object.")));
}

namespace {
Format toFormat(const QString &text)
{
    if (auto f = parseFormat(text.toStdString()))
        return *f;
    throw UsageError(
        QStringLiteral("unknown --dtype '%1' (expected float16, bfloat16, float32, float64 or float80)").arg(text));
}
} // namespace

Format dtypeOption(const QCommandLineParser &parser)
{
    const QStringList values = parser.values(QStringLiteral("dtype"));
    if (values.size() > 1)
        throw UsageError(QStringLiteral("--dtype given %1 times; give it once").arg(values.size()));
    return values.isEmpty() ? Format::Float32 : toFormat(values.first());
}

std::vector<Format> dtypeOptions(const QCommandLineParser &parser, std::vector<Format> defaults)
{
    const QStringList values = parser.values(QStringLiteral("dtype"));
    if (values.isEmpty())
        return defaults;
    std::vector<Format> formats;
    for (const QString &v : values)
        formats.push_back(toFormat(v));
    return formats;
}

QString requiredOption(const QCommandLineParser &parser, const QString &name)
{
    if (!parser.isSet(name))
        throw UsageError(QStringLiteral("missing --%1").arg(name));
    const QStringList values = parser.values(name);
    if (values.size() > 1)
        throw UsageError(QStringLiteral("--%1 given %2 times; give it once").arg(name).arg(values.size()));
    return values.first();
}

std::vector<long double> parseLogitList(const QString &text, Format f, const QString &optionName)
{
    const std::string utf8 = text.toStdString();
    auto parsed = parseNumberList(utf8);
    if (const auto *error = std::get_if<ListError>(&parsed)) {
        switch (error->kind) {
        case ListErrorKind::Empty:
            throw UsageError(QStringLiteral("--%1 is empty: give at least one number").arg(optionName));
        case ListErrorKind::BadToken:
            throw UsageError(QStringLiteral("--%1: '%2' at character %3 is not a number")
                                 .arg(optionName, QString::fromStdString(error->token))
                                 .arg(error->position + 1));
        case ListErrorKind::UnbalancedBracket:
            throw UsageError(QStringLiteral("--%1: unbalanced '%2' at character %3")
                                 .arg(optionName, QString::fromStdString(error->token))
                                 .arg(error->position + 1));
        case ListErrorKind::RaggedRows: break; // a flat list is never ragged
        }
        throw UsageError(QStringLiteral("--%1 is not a list of numbers").arg(optionName));
    }
    std::vector<long double> values;
    for (const NumberToken &token : std::get<std::vector<NumberToken>>(parsed))
        values.push_back(*decimalToFormat(token.text, f));
    return values;
}

long double parseNumber(const QString &text, Format f, const QString &optionName)
{
    const std::string s = text.trimmed().toStdString();
    if (s.empty())
        throw UsageError(QStringLiteral("--%1 is empty: give a number").arg(optionName));
    if (auto v = decimalToFormat(s, f))
        return *v;
    throw UsageError(QStringLiteral("--%1: '%2' is not a number").arg(optionName, text));
}

long long parseInteger(const QString &text, long long lo, long long hi, const QString &optionName)
{
    bool ok = false;
    const long long v = text.trimmed().toLongLong(&ok);
    if (!ok)
        throw UsageError(QStringLiteral("--%1: '%2' is not a whole number").arg(optionName, text));
    if (v < lo || v > hi)
        throw UsageError(QStringLiteral("--%1: %2 is out of range [%3, %4]").arg(optionName).arg(v).arg(lo).arg(hi));
    return v;
}

std::string formatTable(const std::vector<std::vector<std::string>> &rows)
{
    std::vector<std::size_t> widths;
    for (const auto &row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths.push_back(0);
            widths[c] = std::max(widths[c], row[c].size());
        }
    std::string out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            out += rows[r][c];
            if (c + 1 < rows[r].size())
                out += std::string(widths[c] - rows[r][c].size() + 2, ' ');
        }
        out += '\n';
        if (r == 0) {
            std::size_t total = 0;
            for (std::size_t w : widths)
                total += w + 2;
            out += std::string(total > 2 ? total - 2 : 0, '-') + '\n';
        }
    }
    return out;
}

} // namespace logitlab::cli
