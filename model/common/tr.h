// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace Stagecraft::Model {

/** Translation context for the non-QObject code of the model library. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Stagecraft::Model)
};

} // namespace Stagecraft::Model
