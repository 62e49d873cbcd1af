// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file Typing as a person does: ASCII through key presses, everything else (Chinese punctuation,
 * full-width digits, U+2212) as an input method delivers it, one committed character at a time. */
#include <QApplication>
#include <QInputMethodEvent>
#include <QTest>
#include <QWidget>

namespace logitlab::testsupport {

/** Types \a text into \a widget character by character (QTest::keyClicks handles ASCII only). */
inline void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClick(widget, c.toLatin1());
        } else {
            QInputMethodEvent commit;
            commit.setCommitString(QString(c));
            QApplication::sendEvent(widget, &commit);
        }
    }
}

} // namespace logitlab::testsupport
