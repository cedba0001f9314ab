// SPDX-License-Identifier: GPL-3.0-or-later
#include "colorscheme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace Stagecraft::Ui {

std::optional<ColorScheme> colorSchemeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"system")
        return ColorScheme::System;
    if (n == u"light")
        return ColorScheme::Light;
    if (n == u"dark")
        return ColorScheme::Dark;
    return std::nullopt;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor text(0xe8, 0xea, 0xed);
    const QColor disabled(0x8a, 0x8f, 0x98);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x25));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x29, 0x2e));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x33, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xe0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x36, 0x3b));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Link, QColor(0x6f, 0x9c, 0xe0));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2b));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

void applyColorScheme(ColorScheme scheme)
{
    if (scheme == ColorScheme::System)
        return;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(
            scheme == ColorScheme::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

ColorScheme requestedColorScheme(const QString &settingName)
{
    if (const auto fromEnvironment = colorSchemeFromName(
                qEnvironmentVariable("STAGECRAFT_COLOR_SCHEME")))
        return *fromEnvironment;
    return colorSchemeFromName(settingName).value_or(ColorScheme::System);
}

} // namespace Stagecraft::Ui
