"""Type stubs of the native module. The public API is the ``indotag`` package around it."""

from typing import List, Optional, Sequence, Tuple

__version__: str

class Tagger:
    """A compiled tagger and its record options (thread-safe)."""

    def __init__(
        self,
        gazetteers: Sequence[str],
        default_gazetteers: bool,
        zones: Optional[Sequence[str]],
        tokens: bool,
        text: bool,
    ) -> None: ...
    def tag_text(self, text: str, id: Optional[str]) -> str:
        """One text's record as a JSON line (the command's bytes)."""
    def tag_batch(
        self,
        items: Sequence[Tuple[int, str]],
        jobs: Optional[int],
        text_field: str,
        id_field: str,
        first: int,
    ) -> List[str]:
        """Record lines of ``(kind, payload)`` items (0: text, 1: JSON object, 2: error
        message), in order, tagged with the GIL released."""
