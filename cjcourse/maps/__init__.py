"""Example journey maps shipped with cjcourse, in Spanish, loadable by name.

Each map has a persona, the course's six stages, touchpoints in every stage, current and desired
emotions, and pain points each answered by an opportunity with an owner. The companies are
invented for teaching; the maps are the project's own work (MIT, like the package).

>>> list_example_maps()
['cuenta_bancaria', 'hotel', 'tienda_online']
>>> m = load_example_map("hotel")
>>> m.persona.name, len(m.stages)
('Carmen Ruiz', 6)
"""

from __future__ import annotations

import difflib
from importlib import resources

from cjcourse.i18n import t
from cjcourse.journey import JourneyError, JourneyMap

__all__ = ["list_example_maps", "load_example_map"]


def list_example_maps() -> list[str]:
    """Names of the example maps (use them with :func:`load_example_map`)."""
    return sorted(
        entry.name.removesuffix(".json")
        for entry in resources.files(__name__).iterdir()
        if entry.name.endswith(".json")
    )


def load_example_map(name: str) -> JourneyMap:
    """The example map called ``name`` (``"tienda_online"``, ``"cuenta_bancaria"``, ``"hotel"``)."""
    names = list_example_maps()
    if name not in names:
        close = difflib.get_close_matches(str(name), names, n=1)
        raise JourneyError(
            t(
                "journey.examples.unknown",
                name=name,
                options=", ".join(names),
                hint=t("journey.error.did_you_mean", value=close[0]) if close else "",
            ),
            field="name",
        )
    text = resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    return JourneyMap.from_json(text, source=f"{name}.json")
