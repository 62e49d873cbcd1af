// SPDX-License-Identifier: GPL-3.0-or-later
/** \file ListInput driven as a person does: keys typed one by one, Ctrl+V through the real
 * clipboard (empty, image only, HTML only, huge), then what the field holds is checked. */
#include "../typing.h"
#include "common/listinput.h"

#include <QApplication>
#include <QClipboard>
#include <QImage>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace logitlab::ui;

/** \brief What a clipboard holds before Ctrl+V. */
enum class Clip { Cleared, EmptyMime, ImageOnly, HtmlOnly, MarkdownFirst, Text, Huge };
Q_DECLARE_METATYPE(Clip)

/** \brief GUI tests of ListInput. */
class TstListInput : public QObject {
    Q_OBJECT
private:
    static void fill(Clip c)
    {
        QClipboard *cb = QApplication::clipboard();
        auto *mime = new QMimeData;
        switch (c) {
        case Clip::Cleared:
            cb->clear();
            delete mime;
            return;
        case Clip::EmptyMime: break;
        case Clip::ImageOnly: mime->setImageData(QImage(8, 8, QImage::Format_RGB32)); break;
        case Clip::HtmlOnly: mime->setData(QStringLiteral("text/html"), "<b>1, 2</b>"); break;
        case Clip::MarkdownFirst:
            mime->setData(QStringLiteral("text/markdown"), "**9**");
            mime->setText(QStringLiteral("7, 8"));
            break;
        case Clip::Text: mime->setText(QStringLiteral("[1000, 2000, 3000]")); break;
        case Clip::Huge: mime->setText(QString(ListInput::maxPasteCharacters + 1, QLatin1Char('1'))); break;
        }
        cb->setMimeData(mime);
    }

private Q_SLOTS:
    void typedTextIsKept_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addRow("list") << QStringLiteral("[1000, 2000, 3000]");
        QTest::addRow("exponent") << QStringLiteral("1e-3, -2.5E+4");
        QTest::addRow("unbalanced while typing") << QStringLiteral("[[1, 2], [3");
        QTest::addRow("bad token while typing") << QStringLiteral("1, x, 3");
        QTest::addRow("full-width commas") << QStringLiteral("1\uFF0C2\uFF0C3");
    }

    void typedTextIsKept()
    {
        QFETCH(QString, typed);
        ListInput input(2);
        input.show();
        // A page marks errors on every keystroke; marking must never change the text or cursor.
        connect(&input, &QPlainTextEdit::textChanged, &input,
            [&input] { input.setError(0, static_cast<int>(input.toPlainText().size()), QStringLiteral("bad")); });
        logitlab::testsupport::typeText(&input, typed);
        QCOMPARE(input.toPlainText(), typed);
        QCOMPARE(input.textCursor().position(), typed.size());
        QVERIFY(!input.textCursor().hasSelection());
    }

    void pasteWithCtrlV_data()
    {
        QTest::addColumn<Clip>("clip");
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<bool>("refused");
        const QString before = QStringLiteral("1, 2");
        QTest::addRow("cleared clipboard") << Clip::Cleared << before << before << true;
        QTest::addRow("clipboard with no formats") << Clip::EmptyMime << before << before << true;
        QTest::addRow("image only") << Clip::ImageOnly << before << before << true;
        QTest::addRow("HTML only") << Clip::HtmlOnly << before << before << true;
        QTest::addRow("markdown first: its plain text")
            << Clip::MarkdownFirst << before << QStringLiteral("1, 27, 8") << false;
        QTest::addRow("text appended at the cursor")
            << Clip::Text << before << QStringLiteral("1, 2[1000, 2000, 3000]") << false;
        QTest::addRow("over the limit") << Clip::Huge << before << before << true;
    }

    void pasteWithCtrlV()
    {
        QFETCH(Clip, clip);
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(bool, refused);
        ListInput input(2);
        input.show();
        QTest::keyClicks(&input, before);
        QSignalSpy spy(&input, &ListInput::pasteRefused);
        fill(clip);
        QTest::keySequence(&input, QKeySequence::Paste);
        QCOMPARE(input.toPlainText(), after);
        QCOMPARE(spy.count(), refused ? 1 : 0);
        if (refused)
            QVERIFY(!spy.front().front().toString().isEmpty());
    }

    void pasteReplacesSelection()
    {
        ListInput input(2);
        input.show();
        QTest::keyClicks(&input, QStringLiteral("1, 2, 3"));
        QTest::keySequence(&input, QKeySequence::SelectAll);
        fill(Clip::Text);
        QTest::keySequence(&input, QKeySequence::Paste);
        QCOMPARE(input.toPlainText(), QStringLiteral("[1000, 2000, 3000]"));
        // An empty clipboard leaves the selected text alone.
        QTest::keySequence(&input, QKeySequence::SelectAll);
        fill(Clip::Cleared);
        QTest::keySequence(&input, QKeySequence::Paste);
        QCOMPARE(input.toPlainText(), QStringLiteral("[1000, 2000, 3000]"));
    }
};

QTEST_MAIN(TstListInput)
#include "tst_listinput.moc"
