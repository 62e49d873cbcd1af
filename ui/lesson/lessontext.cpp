// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/lessontext.h"

#include <QCoreApplication>

namespace logitlab::ui {
namespace {

/** \brief The translation context of the lesson words. */
class LessonText {
    Q_DECLARE_TR_FUNCTIONS(logitlab::ui::LessonText)
};

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString typeText(JsonType t)
{
    switch (t) {
    case JsonType::String: return LessonText::tr("a text in quotes");
    case JsonType::Number: return LessonText::tr("a number");
    case JsonType::WholeNumber: return LessonText::tr("a whole number");
    case JsonType::Boolean: return LessonText::tr("true or false");
    case JsonType::Object: return LessonText::tr("an object { … }");
    case JsonType::List: return LessonText::tr("a list [ … ]");
    }
    return {};
}

} // namespace

QString lessonErrorMessage(const LessonError &e)
{
    const QString where = q(e.path);
    switch (e.kind) {
    case LessonErrorKind::TooLarge:
        return LessonText::tr("The file is too large for a lesson: %1 bytes (at most %2).")
            .arg(q(e.detail), q(e.expected));
    case LessonErrorKind::TooDeep:
        return LessonText::tr("The file nests objects and lists more than %1 levels deep; it is not a lesson.")
            .arg(q(e.expected));
    case LessonErrorKind::NotJson:
        return LessonText::tr("The file is not valid JSON: line %1, column %2 (%3).")
            .arg(e.line)
            .arg(e.column)
            .arg(q(e.detail));
    case LessonErrorKind::NotALesson:
        return LessonText::tr("The file is not a LogitLab lesson: it has no \"format\": \"%1\".").arg(q(e.expected));
    case LessonErrorKind::NewerVersion:
        return LessonText::tr(
            "The lesson was made by a newer LogitLab (lesson format %1; this version reads %2). Please update "
            "LogitLab.")
            .arg(q(e.detail), q(e.expected));
    case LessonErrorKind::BadVersion:
        return LessonText::tr("%1: \"%2\" is not a version such as \"%3\".").arg(where, q(e.detail), q(e.expected));
    case LessonErrorKind::MissingField: return LessonText::tr("%1 is missing.").arg(where);
    case LessonErrorKind::WrongType: return LessonText::tr("%1 should be %2.").arg(where, typeText(e.expectedType));
    case LessonErrorKind::UnknownName:
        return LessonText::tr("%1: unknown name \"%2\" (expected one of: %3).").arg(where, q(e.detail), q(e.expected));
    case LessonErrorKind::OutOfRange:
        return LessonText::tr("%1: %2 is out of range (%3).").arg(where, q(e.detail), q(e.expected));
    case LessonErrorKind::TooMany:
        return LessonText::tr("%1 has %2 entries; at most %3.").arg(where, q(e.detail), q(e.expected));
    case LessonErrorKind::TooLong:
        return LessonText::tr("%1 is a text of %2 bytes; at most %3.").arg(where, q(e.detail), q(e.expected));
    case LessonErrorKind::NoScenes: return LessonText::tr("The lesson has no scenes.");
    }
    return LessonText::tr("The lesson file cannot be read.");
}

QString lessonPageText(LessonPage p)
{
    switch (p) {
    case LessonPage::Softmax: return LessonText::tr("Softmax");
    case LessonPage::Losses: return LessonText::tr("Losses");
    case LessonPage::Rounding: return LessonText::tr("Rounding");
    case LessonPage::Training: return LessonText::tr("Training");
    }
    return {};
}

} // namespace logitlab::ui
