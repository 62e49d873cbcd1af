// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/appearance.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QPalette>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace logitlab::ui {

namespace {
struct Appearance {
    QFont base; ///< the font at zoom 1
    bool baseSet = false;
    double zoom = 1.0;
    bool highContrast = false;
    QPalette normalPalette;
    bool paletteSaved = false;
};

Appearance &state()
{
    static Appearance a;
    return a;
}

void apply()
{
    Appearance &a = state();
    if (!a.paletteSaved) {
        a.normalPalette = QApplication::palette();
        a.paletteSaved = true;
    }
    QPalette palette = a.normalPalette;
    if (a.highContrast) {
        // Active and inactive widgets black on white; disabled ones keep a grey that says so.
        for (auto group : {QPalette::Active, QPalette::Inactive}) {
            for (auto role : {QPalette::Window, QPalette::Base, QPalette::Button, QPalette::ToolTipBase})
                palette.setColor(group, role, Qt::white);
            palette.setColor(group, QPalette::AlternateBase, QColor(0xee, 0xee, 0xee));
            for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText})
                palette.setColor(group, role, Qt::black);
            palette.setColor(group, QPalette::Highlight, QColor(0x00, 0x3c, 0x8f));
            palette.setColor(group, QPalette::HighlightedText, Qt::white);
        }
        for (auto role : {QPalette::Window, QPalette::Base, QPalette::Button})
            palette.setColor(QPalette::Disabled, role, Qt::white);
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            palette.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    }
    QApplication::setPalette(palette);
    QFont f = a.base;
    f.setPointSizeF(a.base.pointSizeF() * a.zoom);
    if (a.highContrast)
        f.setWeight(QFont::Medium);
    QApplication::setFont(f);
}
/** \brief Re-applies a widget's fixed height in text lines when its font changes. */
class LineHeightKeeper : public QObject {
public:
    LineHeightKeeper(QWidget *w, int lines, int extra) : QObject(w), m_lines(lines), m_extra(extra)
    {
        w->installEventFilter(this);
        apply(w);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::FontChange)
            apply(static_cast<QWidget *>(watched));
        return false;
    }

private:
    void apply(QWidget *w) const { w->setFixedHeight(m_lines * w->fontMetrics().lineSpacing() + m_extra); }
    int m_lines, m_extra;
};

} // namespace

void fixHeightInLines(QWidget *widget, int lines, int extraPixels)
{
    new LineHeightKeeper(widget, lines, extraPixels);
}

void applyClassroomFont(const QLocale &locale)
{
    QFont font = QApplication::font();
    font.setPointSizeF(std::max(font.pointSizeF(), 11.0));
    if (locale.language() == QLocale::Chinese) {
        // A CJK font first; Latin text still renders through its Latin glyphs.
        for (const QString &family : {QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Source Han Sans SC"),
                 QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Droid Sans Fallback")})
            if (QFontDatabase::hasFamily(family)) {
                font.setFamilies({family});
                break;
            }
    }
    state().base = font;
    state().baseSet = true;
    apply();
}

double zoom()
{
    return state().zoom;
}

double setZoom(double factor)
{
    if (!state().baseSet)
        applyClassroomFont(QLocale());
    const double clamped
        = std::isfinite(factor) ? std::clamp(factor, minZoom, maxZoom) : 1.0; // "nan" in a settings file
    state().zoom = std::round(clamped / zoomStep) * zoomStep;
    apply();
    return state().zoom;
}

int zoomed(int pixels)
{
    return static_cast<int>(std::lround(pixels * state().zoom));
}

double zoomed(double pixels)
{
    return pixels * state().zoom;
}

void setHighContrast(bool on)
{
    if (!state().baseSet)
        applyClassroomFont(QLocale());
    state().highContrast = on;
    apply();
}

bool highContrast()
{
    return state().highContrast;
}

double lineScale()
{
    return state().zoom * (state().highContrast ? 1.5 : 1.0);
}

} // namespace logitlab::ui
