// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/uitext.h"

#include "text/numbertext.h"

#include <QCoreApplication>

namespace logitlab::ui {

namespace {
/** \brief Translation context of the shared messages. */
struct UiText {
    Q_DECLARE_TR_FUNCTIONS(UiText)
};
} // namespace

QString plainDecimal(const QString &text)
{
    const qsizetype e = text.indexOf(QLatin1Char('e'));
    if (e < 0)
        return text;
    bool ok = false;
    const int exponent = QStringView(text).mid(e + 1).toInt(&ok);
    if (!ok || exponent < -5 || exponent > 9)
        return text;
    QString mantissa = text.left(e);
    QString sign;
    if (mantissa.startsWith(QLatin1Char('-'))) {
        sign = QStringLiteral("-");
        mantissa.remove(0, 1);
    }
    const qsizetype dot = mantissa.indexOf(QLatin1Char('.'));
    const QString intPart = dot < 0 ? mantissa : mantissa.left(dot);
    const QString digits = intPart + (dot < 0 ? QString() : mantissa.mid(dot + 1));
    // value = 0.digits * 10^point, with the decimal point after `point` digits.
    const qsizetype point = intPart.size() + exponent;
    QString out;
    if (point <= 0)
        out = QStringLiteral("0.") + QString(-point, QLatin1Char('0')) + digits;
    else if (point >= digits.size())
        out = digits + QString(point - digits.size(), QLatin1Char('0'));
    else
        out = digits.left(point) + QLatin1Char('.') + digits.mid(point);
    return sign + out;
}

QString numberText(long double v, Format f)
{
    return plainDecimal(QString::fromStdString(shortestText(v, f)));
}

QString numberText(double v)
{
    return plainDecimal(QString::fromStdString(shortestText(v, Format::Float64)));
}

QString unsignedZeroText(long double v, Format f)
{
    return v == 0 ? QStringLiteral("0") : numberText(v, f);
}

QString errorText(double error)
{
    return QString::fromStdString(logitlab::errorText(error));
}

QString ulpErrorText(double ulps)
{
    return QString::fromStdString(logitlab::ulpErrorText(ulps));
}

QString logThresholdText(long double threshold)
{
    return QString::number(static_cast<double>(threshold), 'f', 2);
}

QString tidyDigits(const std::string &digits)
{
    QString text = QString::fromStdString(digits);
    const qsizetype e = text.indexOf(QLatin1Char('e'));
    QString mantissa = e < 0 ? text : text.left(e);
    const QString exponent = e < 0 ? QString() : text.mid(e);
    if (mantissa.contains(QLatin1Char('.'))) {
        while (mantissa.endsWith(QLatin1Char('0')))
            mantissa.chop(1);
        if (mantissa.endsWith(QLatin1Char('.')))
            mantissa.chop(1);
    }
    return plainDecimal(mantissa + exponent);
}

QString formatText(Format f)
{
    return QString::fromUtf8(formatName(f).data(), static_cast<qsizetype>(formatName(f).size()));
}

QString logitCountText(qsizetype n)
{
    return n == 1 ? UiText::tr("1 logit") : UiText::tr("%1 logits").arg(n);
}

QString listErrorMessage(const ListError &e, std::string_view text)
{
    const int character = utf16Index(text, e.position) + 1;
    const QString token = QString::fromStdString(e.token);
    switch (e.kind) {
    case ListErrorKind::Empty: return UiText::tr("Enter at least one number, e.g. [1000, 2000, 3000].");
    case ListErrorKind::BadToken: return UiText::tr("'%1' at character %2 is not a number.").arg(token).arg(character);
    case ListErrorKind::UnbalancedBracket:
        return UiText::tr("Unbalanced '%1' at character %2.").arg(token).arg(character);
    case ListErrorKind::RaggedRows:
        return UiText::tr("Row at character %1 has a different length than the first row.").arg(character);
    case ListErrorKind::TooDeep:
        return UiText::tr("A third level of '[' at character %1: a list is a vector or a matrix.").arg(character);
    }
    return UiText::tr("Not a list of numbers.");
}

QString exprErrorMessage(const ExprError &e, std::string_view text)
{
    const int character = utf16Index(text, e.position) + 1;
    const QString token = QString::fromStdString(e.token);
    switch (e.kind) {
    case ExprErrorKind::Empty: return UiText::tr("Enter an expression, e.g. 2/10000.");
    case ExprErrorKind::UnexpectedToken:
        return UiText::tr("'%1' at character %2 cannot stand there.").arg(token).arg(character);
    case ExprErrorKind::UnexpectedEnd: return UiText::tr("The expression ends too early.");
    case ExprErrorKind::UnknownFunction:
        return UiText::tr("Unknown function '%1' (use exp, log, log1p, expm1, sqrt, pow).").arg(token);
    case ExprErrorKind::WrongArity: return UiText::tr("'%1' has the wrong number of arguments.").arg(token);
    case ExprErrorKind::MissingParen: return UiText::tr("'(' at character %1 has no ')'.").arg(character);
    case ExprErrorKind::TooComplex: return UiText::tr("The expression is too long or too deeply nested.");
    }
    return UiText::tr("Not an expression.");
}

int utf16Index(std::string_view utf8, std::size_t byteOffset)
{
    byteOffset = std::min(byteOffset, utf8.size());
    return static_cast<int>(QString::fromUtf8(utf8.data(), static_cast<qsizetype>(byteOffset)).size());
}

} // namespace logitlab::ui
