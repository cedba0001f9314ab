// SPDX-License-Identifier: GPL-3.0-or-later
#include "function.h"
#include "value.h"

namespace Stagecraft::Model::Template {

std::optional<Function> Object::methodSignature(const QByteArray &name) const
{
    Q_UNUSED(name);
    return std::nullopt;
}

} // namespace Stagecraft::Model::Template
