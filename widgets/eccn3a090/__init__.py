"""Chapter 1's rule views: the classifier chart and lab, the rule versions and the timeline."""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=["classifier", "history"],
    submod_attrs={
        "classifier": [
            "ClassifierLab",
            "classifier_chart",
            "classifier_lab",
            "classifier_lab_view",
            "short_chip_name",
            "split_by_placement",
        ],
        "history": ["rule_versions_chart", "short_class", "timeline_chart"],
    },
)
