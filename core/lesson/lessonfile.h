// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * `.logitlab` lesson files: JSON, `{"format": "logitlab-lesson", "version": "1.0", "title": ...,
 * "scenes": [...]}`. Each scene holds its title, note, question, hidden parts, page, and one
 * object per lab ("softmax", "losses", "rounding", "training") whose fields are the lab values'
 * (core/lab); a field left out takes the lab's default, so a hand-written lesson states only
 * what it changes. The writer writes every field, so a saved scene reopens exactly.
 *
 * The reader checks everything before it returns: size, nesting, JSON syntax, the format tag
 * and version, every field's type, name and range. The first problem found is returned as a
 * LessonError (the front ends word it); nothing of a bad file is used.
 */
#include "lesson/lesson.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

namespace logitlab {

/** \brief What was wrong with a lesson file. */
enum class LessonErrorKind {
    TooLarge, ///< more than LessonLimits::maxFileBytes (detail: the size in bytes)
    TooDeep, ///< objects and lists nested deeper than LessonLimits::maxDepth
    NotJson, ///< not valid JSON (line, column; detail: the parser's words, English)
    NotALesson, ///< valid JSON but not an object with "format": "logitlab-lesson"
    NewerVersion, ///< a newer major version (detail: the file's version, expected: ours)
    BadVersion, ///< "version" is not "MAJOR.MINOR"
    MissingField, ///< a required field is absent (path names it)
    WrongType, ///< a field has the wrong JSON type (expectedType says which)
    UnknownName, ///< an unknown name (detail: the name, expected: the names allowed)
    OutOfRange, ///< a number outside its range (detail: the number, expected: "lo to hi")
    TooMany, ///< a list longer than its limit (detail: its length, expected: the limit)
    TooLong, ///< a text longer than LessonLimits::maxTextBytes (detail: its length in bytes)
    NoScenes, ///< "scenes" is an empty list
};

/** \brief The JSON type a field should have had (LessonErrorKind::WrongType). */
enum class JsonType { String, Number, WholeNumber, Boolean, Object, List };

/** \brief The first problem of a lesson file. */
struct LessonError {
    LessonErrorKind kind {};
    std::string path; ///< where: "scenes[2].softmax.format" (empty for the whole file)
    std::string detail; ///< the offending value or count, as in the file
    std::string expected; ///< the names or range allowed, the supported version, or a limit
    JsonType expectedType {}; ///< WrongType only
    std::size_t line = 0, column = 0; ///< NotJson only (1-based)
};

/** The lesson in \a bytes (a whole file), or the first thing wrong with it. */
std::variant<Lesson, LessonError> readLesson(std::string_view bytes);

/** \a lesson as a `.logitlab` file (UTF-8 JSON, 2-space indent, ending in a newline); fields of a
 *  newer minor version that the lesson was read with are kept. A text that is not UTF-8 does not
 *  make it throw: its bad bytes are written as U+FFFD. */
std::string writeLesson(const Lesson &lesson);

/** The page's name in files: "softmax", "losses", "rounding", "training". */
std::string_view lessonPageName(LessonPage p);

/** An English sentence for \a e (tests, fuzzing and logs; the window words errors itself). */
std::string lessonErrorText(const LessonError &e);

} // namespace logitlab
