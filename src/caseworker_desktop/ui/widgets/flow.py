"""A layout that lines its widgets up like words: as many per line as the width allows,
the rest on the next line. Rows of buttons and filters stay whole on a narrow screen
(1366×768, or 1280×720 at 125 %) instead of pushing the window wider than the screen.
After Qt's flow layout example."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        spacing: int = 6,
        line_spacing: int = 4,
        align_right: bool = False,
    ):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing
        self._align_right = align_right
        self.setContentsMargins(0, 0, 0, 0)

    # --- the item list ---------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, *widgets: QWidget) -> FlowLayout:
        for widget in widgets:
            self.addWidget(widget)
        return self

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def setSpacing(self, spacing: int) -> None:
        self._spacing = spacing
        self.invalidate()

    def spacing(self) -> int:
        return self._spacing

    # --- sizes -------------------------------------------------------------------------

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        visible = self._visible()
        width = sum(item.sizeHint().width() for item in visible)
        width += self._spacing * max(0, len(visible) - 1)
        height = max((item.sizeHint().height() for item in visible), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """The widest single widget: everything else can go on a line of its own."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    # --- placing -----------------------------------------------------------------------

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in self._visible():
            hint = item.sizeHint().boundedTo(QSize(area.width(), 10**6))
            hint = hint.expandedTo(item.minimumSize())
            extra = self._spacing if lines[-1] else 0
            if lines[-1] and used + extra + hint.width() > area.width():
                lines.append([])
                used, extra = 0, 0
            lines[-1].append((item, hint))
            used += extra + hint.width()
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(hint.height() for _item, hint in line)
            width = sum(hint.width() for _item, hint in line) + self._spacing * (len(line) - 1)
            x = area.x() + (area.width() - width if self._align_right else 0)
            for item, hint in line:
                if move:
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), hint))
                x += hint.width() + self._spacing
            y += height + self._line_spacing
        used_height = y - self._line_spacing - area.y() if any(lines) else 0
        return used_height + margins.top() + margins.bottom()


def flow_row(*widgets: QWidget, align_right: bool = False) -> QWidget:
    """A widget holding `widgets` in a FlowLayout: one line when there is room."""
    row = QWidget()
    layout = FlowLayout(row, align_right=align_right)
    layout.add(*widgets)
    policy = row.sizePolicy()
    policy.setHeightForWidth(True)
    policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
    row.setSizePolicy(policy)
    return row


def together(*widgets: QWidget, spacing: int = 6) -> QWidget:
    """Widgets that belong together (a label and its field) kept on one line in a flow."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for widget in widgets:
        layout.addWidget(widget)
    return box


__all__ = ["FlowLayout", "flow_row", "together"]
