// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Covers that hide a scene's results until the class has made its guess: an opaque panel over
 * each hidden widget, following its size, saying what to do.
 */
#include <QList>
#include <QPointer>
#include <QWidget>

namespace logitlab::ui {

/** \brief The covers over the hidden widgets of the current scene. */
class RevealCovers : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~RevealCovers() override;

    /** Covers each of \a widgets (replacing any earlier covers): \a text on the first, \a shortText on the rest. */
    void cover(const QList<QWidget *> &widgets, const QString &text, const QString &shortText);
    /** Removes every cover. */
    void clear();
    /** True while some widget is covered. */
    bool active() const { return !m_covers.isEmpty(); }
    /** The cover widgets (tests look at them). */
    QList<QWidget *> covers() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QList<QPointer<QWidget>> m_covers;
};

} // namespace logitlab::ui
