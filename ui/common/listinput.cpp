// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/listinput.h"

#include "common/appearance.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLocale>
#include <QMimeData>
#include <QTextBlock>

namespace logitlab::ui {

ListInput::ListInput(int visibleLines, QWidget *parent) : QPlainTextEdit(parent), m_lines(visibleLines)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    fixHeightInLines(this, m_lines, 2 * frameWidth() + 2 * static_cast<int>(document()->documentMargin()) + 2);
}

void ListInput::keyPressEvent(QKeyEvent *event)
{
    // With nothing on the clipboard at all Qt pastes nothing and says nothing: say why.
    if (event->matches(QKeySequence::Paste) && !QGuiApplication::clipboard()->mimeData()) {
        Q_EMIT pasteRefused(tr("The clipboard holds no text: nothing was pasted."));
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool ListInput::canInsertFromMimeData(const QMimeData *source) const
{
    return source && source->hasText();
}

void ListInput::insertFromMimeData(const QMimeData *source)
{
    // Never hand the data to QPlainTextEdit: see the class comment.
    if (!source || !source->hasText()) {
        const bool image = source && source->hasImage();
        Q_EMIT pasteRefused(image ? tr("The clipboard holds an image, not text: nothing was pasted.")
                                  : tr("The clipboard holds no text: nothing was pasted."));
        return;
    }
    const QString text = source->text();
    if (text.size() > maxPasteCharacters) {
        const QLocale locale;
        Q_EMIT pasteRefused(tr("The clipboard holds %1 characters; at most %2 can be pasted here. Nothing was pasted.")
                                .arg(locale.toString(text.size()), locale.toString(maxPasteCharacters)));
        return;
    }
    insertPlainText(text); // replaces the selection, as a paste does
    ensureCursorVisible();
}

void ListInput::setError(int start, int length, const QString &message)
{
    QTextEdit::ExtraSelection sel;
    sel.cursor = QTextCursor(document());
    const int end = std::min(start + std::max(length, 1), document()->characterCount() - 1);
    sel.cursor.setPosition(std::min(start, end));
    sel.cursor.setPosition(end, QTextCursor::KeepAnchor);
    sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    sel.format.setUnderlineColor(QColor(0xd0, 0x20, 0x20));
    sel.format.setBackground(QColor(0xff, 0xe0, 0xe0));
    setExtraSelections({sel});
    setToolTip(message);
    m_hasError = true;
}

void ListInput::clearError()
{
    setExtraSelections({});
    setToolTip(QString());
    m_hasError = false;
}

} // namespace logitlab::ui
