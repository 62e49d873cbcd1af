// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clicommand.h"

#include "lab/softmaxlab.h"
#include "precision/mpfrutil.h"
#include "text/numberlist.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <cstdio>

namespace logitlab::cli {

std::vector<CliCommand> allCommands()
{
    return {softmaxCommand(), crossEntropyCommand(), bceCommand(), roundingCommand(), trainCommand(), sweepCommand(),
        limitsCommand(), sumCommand()};
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

namespace {

/** Reads \a file to its end, refusing more than maxListInputBytes; \a label names it in errors. */
std::string readBounded(QFile &file, const QString &label)
{
    std::string data;
    std::vector<char> buffer(1 << 20);
    for (;;) {
        const qint64 n = file.read(buffer.data(), static_cast<qint64>(buffer.size()));
        if (n < 0)
            throw UsageError(QStringLiteral("%1: cannot be read (%2)").arg(label, file.errorString()));
        if (n == 0)
            return data;
        if (static_cast<long long>(data.size()) + n > maxListInputBytes)
            throw UsageError(label + QStringLiteral(": more than the %1 MiB limit").arg(maxListInputBytes >> 20));
        data.append(buffer.data(), static_cast<std::size_t>(n));
    }
}

std::string readListFile(const QString &path, const QString &label)
{
    if (path.isEmpty())
        throw UsageError(QStringLiteral("%1: give a file name after @").arg(label));
    const QFileInfo info(path);
    if (!info.exists())
        throw UsageError(QStringLiteral("%1: the file does not exist").arg(label));
    if (info.isDir())
        throw UsageError(QStringLiteral("%1: a directory, not a file").arg(label));
    if (info.isFile() && info.size() > maxListInputBytes)
        throw UsageError(label
            + QStringLiteral(": %1 MiB, larger than the %2 MiB limit")
                  .arg(static_cast<double>(info.size()) / (1 << 20), 0, 'f', 1)
                  .arg(maxListInputBytes >> 20));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw UsageError(QStringLiteral("%1: cannot be read (%2)").arg(label, file.errorString()));
    return readBounded(file, label);
}

/** Where byte \a offset of \a text is: "character C", or "line L, character C" in text of several lines. */
QString placeText(const std::string &text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    std::size_t line = 1, lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    long long character = 1; // UTF-8: count the bytes that start a character
    for (std::size_t i = lineStart; i < offset; ++i)
        character += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (text.find('\n') == std::string::npos)
        return QStringLiteral("character %1").arg(character);
    return QStringLiteral("line %1, character %2").arg(line).arg(character);
}

/** A token as quoted in an error line: whole, or its first 40 characters and its length. */
QString quotedToken(const std::string &token)
{
    const QString t = QString::fromStdString(token);
    if (t.size() <= 40)
        return QStringLiteral("'%1'").arg(t);
    return QStringLiteral("'%1...' (%2 characters)").arg(t.left(40)).arg(t.size());
}

[[noreturn]] void throwListError(const ListError &error, const ListInput &list)
{
    switch (error.kind) {
    case ListErrorKind::Empty:
        throw UsageError(QStringLiteral("%1 is empty: give at least one number").arg(list.label));
    case ListErrorKind::BadToken:
        throw UsageError(QStringLiteral("%1: %2 at %3 is not a number")
                             .arg(list.label, quotedToken(error.token), placeText(list.text, error.position)));
    case ListErrorKind::UnbalancedBracket:
        throw UsageError(
            QStringLiteral("%1: unbalanced '%2' at %3")
                .arg(list.label, QString::fromStdString(error.token), placeText(list.text, error.position)));
    case ListErrorKind::RaggedRows: {
        const QString hint = list.text.find('[') == std::string::npos
            ? QStringLiteral(" (a list written over several lines goes inside [ ])")
            : QString();
        throw UsageError(list.label
            + QStringLiteral(": row %1 has %2 %3, row 1 has %4")
                  .arg(error.row + 1)
                  .arg(error.rowLength)
                  .arg(error.rowLength == 1 ? QStringLiteral("value") : QStringLiteral("values"))
                  .arg(error.firstRowLength)
            + hint);
    }
    case ListErrorKind::TooDeep:
        throw UsageError(QStringLiteral("%1: a third level of '[' at %2 (a LIST is a vector or a matrix)")
                             .arg(list.label, placeText(list.text, error.position)));
    }
    throw UsageError(QStringLiteral("%1 is not a list of numbers").arg(list.label));
}

std::vector<long double> roundTokens(const std::vector<NumberToken> &tokens, Format f)
{
    std::vector<long double> values;
    values.reserve(tokens.size());
    for (const NumberToken &token : tokens)
        values.push_back(*decimalToFormat(token.text, f));
    return values;
}

} // namespace

ListInput listOption(const QCommandLineParser &parser, const QString &name)
{
    const QString value = requiredOption(parser, name);
    const QString option = QStringLiteral("--") + name;
    if (value == QLatin1String("-")) {
        const QString label = option + QStringLiteral(" - (stdin)");
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            throw UsageError(QStringLiteral("%1: cannot be read (%2)").arg(label, in.errorString()));
        return {readBounded(in, label), label};
    }
    if (value.startsWith(QLatin1Char('@'))) {
        const QString label = option + QLatin1Char(' ') + value;
        return {readListFile(value.mid(1), label), label};
    }
    return {value.toStdString(), option};
}

std::vector<long double> parseLogitList(const ListInput &list, Format f)
{
    // A matrix is refused, not flattened: [[1,2],[3,4]] is two samples, not four logits. One
    // number per line is a list.
    const auto parsed = parseNumberMatrix(list.text);
    if (const auto *error = std::get_if<ListError>(&parsed))
        throwListError(*error, list);
    const auto &rows = std::get<std::vector<std::vector<NumberToken>>>(parsed);
    if (rows.size() > 1 && rows.front().size() > 1)
        throw UsageError(QStringLiteral("%1: a %2x%3 matrix; this command takes one list of logits (softmax "
                                        "--dim takes a matrix)")
                             .arg(list.label)
                             .arg(rows.size())
                             .arg(rows.front().size()));
    std::vector<NumberToken> tokens;
    for (const auto &row : rows)
        tokens.insert(tokens.end(), row.begin(), row.end());
    return roundTokens(tokens, f);
}

std::vector<std::vector<long double>> parseLogitMatrix(const ListInput &list, Format f)
{
    const auto parsed = parseNumberMatrix(list.text);
    if (const auto *error = std::get_if<ListError>(&parsed))
        throwListError(*error, list);
    std::vector<std::vector<long double>> rows;
    for (const std::vector<NumberToken> &row : std::get<0>(parsed))
        rows.push_back(roundTokens(row, f));
    return rows;
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

void addTemperatureOption(QCommandLineParser &parser, const QString &forWhat)
{
    parser.addOption(QCommandLineOption(QStringLiteral("temperature"),
        forWhat
            + QStringLiteral("softmax(z / T): divide every logit by T, from %1 to %2, as the window's temperature "
                             "(T = 1/scale; default 1).")
                  .arg(QLatin1String(SoftmaxLab::minTemperature.data(), SoftmaxLab::minTemperature.size()),
                      QLatin1String(SoftmaxLab::maxTemperature.data(), SoftmaxLab::maxTemperature.size())),
        QStringLiteral("T")));
}

std::optional<std::string> temperatureOption(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("temperature")))
        return std::nullopt;
    const QString text = requiredOption(parser, QStringLiteral("temperature"));
    const std::string s = text.trimmed().toStdString();
    const QString range = QStringLiteral("%1 to %2")
                              .arg(QLatin1String(SoftmaxLab::minTemperature.data(), SoftmaxLab::minTemperature.size()),
                                  QLatin1String(SoftmaxLab::maxTemperature.data(), SoftmaxLab::maxTemperature.size()));
    if (s.empty())
        throw UsageError(QStringLiteral("--temperature is empty: give a number from %1").arg(range));
    const WideExponentRange wide;
    const mpfr_prec_t bits = 2 * referencePrecision;
    const std::optional<mpfr::mpreal> t = decimalToMp(s, bits);
    if (!t)
        throw UsageError(QStringLiteral("--temperature: '%1' is not a number").arg(text));
    if (mpfr::isnan(*t))
        throw UsageError(QStringLiteral("--temperature: '%1' is not a number from %2").arg(text, range));
    // Compared at 512 bits: 0.0099999999999999999 is refused, 0.010 and 1e-2 are 0.01.
    if (*t < *decimalToMp(SoftmaxLab::minTemperature, bits) || *t > *decimalToMp(SoftmaxLab::maxTemperature, bits))
        throw UsageError(
            QStringLiteral("--temperature: %1 is outside %2 (the window's temperature slider)").arg(text, range));
    return s;
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

std::string wrapped(const std::string &text, std::size_t width)
{
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += line + '\n';
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    return out + line + '\n';
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
