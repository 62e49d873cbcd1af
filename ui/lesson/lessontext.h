// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file The words of the lesson files' errors, translated (core gives only kinds and values). */
#include "lesson/lessonfile.h"

#include <QString>

namespace logitlab::ui {

/** One sentence naming what is wrong with a lesson file and where (scenes[2].softmax.format). */
QString lessonErrorMessage(const LessonError &e);

/** A page's name as the window shows it ("Softmax", "Losses", ...). */
QString lessonPageText(LessonPage p);

} // namespace logitlab::ui
