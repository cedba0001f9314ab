// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QString>

#include <optional>

namespace Stagecraft::Ui {

/** The window's colours: the platform's, or Stagecraft's own light or dark Fusion palette. */
enum class ColorScheme {
    System,
    Light,
    Dark,
};

/** "system", "light" or "dark" (case-insensitive); nullopt for anything else. */
std::optional<ColorScheme> colorSchemeFromName(const QString &name);

/** The dark palette Stagecraft uses with the Fusion style. */
QPalette darkPalette();

/**
 * Applies a scheme to the running QApplication: Light and Dark switch to the Fusion style (whose
 * colours follow the palette on every platform) with a light or dark palette; System leaves the
 * platform's style and palette alone. The views follow through their PaletteChange events.
 */
void applyColorScheme(ColorScheme scheme);

/**
 * The scheme asked for by STAGECRAFT_COLOR_SCHEME (for scripts and screenshots) or else by the
 * stored setting name; System when neither names one.
 */
ColorScheme requestedColorScheme(const QString &settingName);

} // namespace Stagecraft::Ui
