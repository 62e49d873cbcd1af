#include "common/appearance.h"

#include <QApplication>
#include <QFontDatabase>

#include <algorithm>
#include <cmath>

namespace logitlab::ui {

namespace {
struct Appearance {
    QFont base; ///< the font at zoom 1
    bool baseSet = false;
    double zoom = 1.0;
};

Appearance &state()
{
    static Appearance a;
    return a;
}

void apply()
{
    QFont f = state().base;
    f.setPointSizeF(state().base.pointSizeF() * state().zoom);
    QApplication::setFont(f);
}
} // namespace

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
    const double clamped = std::clamp(factor, minZoom, maxZoom);
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

} // namespace logitlab::ui
