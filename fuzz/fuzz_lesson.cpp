// SPDX-License-Identifier: GPL-3.0-or-later
/** \file
 * libFuzzer target: the lesson file reader and writer (core/lesson/lessonfile.h) on any bytes.
 * Oracle: the input is refused with a LessonError whose sentence is not empty and names its path
 * (NotJson: a line and column inside the input), or it reads to a Lesson within the limits that
 * survives a round trip: writeLesson's file reads back equal (operator==), and writing that again
 * gives the same bytes. A written file past the size limit must instead be refused as TooLarge.
 */
#include "fuzzinput.h"
#include "lesson/lessonfile.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <variant>

using namespace logitlab;

namespace {

void checkError(const LessonError &e, std::string_view bytes)
{
    const std::string text = lessonErrorText(e);
    if (text.empty())
        fuzzinput::fail("an error without a sentence");
    if (text.find(e.path) == std::string::npos)
        fuzzinput::fail("an error sentence that does not name its path");
    if (e.kind == LessonErrorKind::NotJson) {
        const auto lines = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
        if (e.line < 1 || e.line > lines || e.column < 1 || e.column > bytes.size() + 1)
            fuzzinput::fail("a JSON error outside the input");
    }
}

void checkLimits(const Lesson &lesson)
{
    if (lesson.scenes.empty() || lesson.scenes.size() > LessonLimits::maxScenes)
        fuzzinput::fail("a lesson with no scenes or too many accepted");
    for (const Scene &s : lesson.scenes) {
        if (s.rounding.expressions.size() > LessonLimits::maxExpressions
            || s.training.a.hidden.size() > LessonLimits::maxHiddenLayers)
            fuzzinput::fail("a list longer than its limit accepted");
        if (s.softmax.logits.size() > LessonLimits::maxTextBytes || s.note.size() > LessonLimits::maxTextBytes)
            fuzzinput::fail("a text longer than its limit accepted");
        if (s.trainedSteps < 0 || s.trainedSteps > LessonLimits::maxTrainedSteps)
            fuzzinput::fail("trained steps out of range accepted");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const auto read = readLesson(bytes);
    if (const auto *error = std::get_if<LessonError>(&read)) {
        checkError(*error, bytes);
        return 0;
    }
    const Lesson &lesson = std::get<Lesson>(read);
    checkLimits(lesson);
    const std::string written = writeLesson(lesson);
    const auto reread = readLesson(written);
    if (written.size() > LessonLimits::maxFileBytes) {
        const auto *error = std::get_if<LessonError>(&reread);
        if (!error || error->kind != LessonErrorKind::TooLarge)
            fuzzinput::fail("a written lesson past the size limit not refused as TooLarge");
        return 0;
    }
    if (const auto *error = std::get_if<LessonError>(&reread)) {
        std::fprintf(stderr, "%s\n", lessonErrorText(*error).c_str());
        fuzzinput::fail("a written lesson does not read back");
    }
    const Lesson &again = std::get<Lesson>(reread);
    if (!(again == lesson))
        fuzzinput::fail("a written lesson reads back different");
    if (writeLesson(again) != written)
        fuzzinput::fail("writing a lesson read back gives other bytes");
    return 0;
}
