#include "common/listinput.h"

#include <QTextBlock>

namespace logitlab::ui {

ListInput::ListInput(int visibleLines, QWidget *parent)
    : QPlainTextEdit(parent), m_lines(visibleLines)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFixedHeight(sizeHint().height());
}

QSize ListInput::sizeHint() const
{
    const int line = fontMetrics().lineSpacing();
    const int frame = 2 * frameWidth() + 2 * static_cast<int>(document()->documentMargin());
    return {QPlainTextEdit::sizeHint().width(), m_lines * line + frame + 2};
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
