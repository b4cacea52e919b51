"""DATAMIMIC's module layout, so that its examples run with ``datamimic_ce`` replaced by
``datamimic`` in their imports:

- ``datamimic.domains.<domain>.services`` (and ``.services.<entity>_service``): the services,
  such as ``from datamimic.domains.common.services import PersonService``;
- ``datamimic.domains.<domain>.generators[.<entity>_generator]``: ``ProductGenerator``;
- ``datamimic.domains.<domain>.models[.<entity>]``: ``Product`` (a generator's next record),
  and ``common.models.demographic_config``: ``DemographicConfig``;
- ``datamimic.domains.domain_core``: ``BaseEntity``.

The modules are made on import from the catalogue (``DOMAINS``) rather than kept as files.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import re
import sys
import types
from typing import Dict, List, Optional

from ..demographic_config import DemographicConfig
from ..models import GENERATORS, MODELS
from ..services import SERVICES

DOMAINS: Dict[str, List[str]] = {
    "common": ["Person", "Address", "City", "Country", "Company"],
    "healthcare": [
        "Patient", "Doctor", "Hospital", "MedicalDevice", "MedicalProcedure", "MedicalRecord",
        "Encounter",
    ],
    "finance": [
        "Bank", "BankAccount", "CreditCard", "Transaction", "Loan", "Investment", "Payment",
        "DigitalWallet",
    ],
    "insurance": [
        "InsuranceCompany", "InsuranceProduct", "InsuranceCoverage", "InsurancePolicy",
        "InsuranceClaim", "Claim", "Insured", "RiskProfile",
    ],
    "ecommerce": ["Product", "Order", "Customer", "Review", "Invoice"],
    "digital": ["UserAccount", "CRM"],
    "public_sector": ["AdministrationOffice", "EducationalInstitution", "PoliceOfficer"],
}


def _snake(name: str) -> str:
    # `BankAccount` -> `bank_account`; an acronym stays one word (`CRM` -> `crm`).
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


# Per kind of module: the class of an entity, and the module of its own.
_KINDS = {
    "services": (lambda e: SERVICES[e], lambda e: f"{e}Service", lambda e: f"{_snake(e)}_service"),
    "generators": (lambda e: GENERATORS[e], lambda e: f"{e}Generator", lambda e: f"{_snake(e)}_generator"),
    "models": (lambda e: MODELS[e], lambda e: e, _snake),
}


def _contents(path: List[str]) -> Optional[Dict[str, object]]:
    """The names module ``datamimic.domains.<path>`` holds, or None if there is none."""
    domain, rest = path[0], path[1:]
    if domain not in DOMAINS:
        return None
    if not rest:
        return {}
    if rest[0] not in _KINDS or len(rest) > 2:
        return None
    cls_of, name_of, module_of = _KINDS[rest[0]]
    entities = DOMAINS[domain]
    extra = {"DemographicConfig": DemographicConfig} if (domain, rest[0]) == ("common", "models") else {}
    if len(rest) == 1:
        return {**{name_of(e): cls_of(e) for e in entities}, **extra}
    if extra and rest[1] == "demographic_config":
        return extra
    for entity in entities:
        if module_of(entity) == rest[1]:
            return {name_of(entity): cls_of(entity)}
    return None


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path=None, target=None):  # noqa: ANN001
        prefix = f"{__name__}."
        if not fullname.startswith(prefix):
            return None
        parts = fullname[len(prefix):].split(".")
        if _contents(parts) is None:
            return None
        is_package = len(parts) < 3 and not (len(parts) == 2 and parts[1] == "demographic_config")
        spec = importlib.machinery.ModuleSpec(fullname, self, is_package=is_package)
        return spec

    def create_module(self, spec):  # noqa: ANN001
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        parts = module.__name__[len(__name__) + 1:].split(".")
        contents = _contents(parts) or {}
        module.__dict__.update(contents)
        module.__all__ = list(contents)


sys.meta_path.append(_Finder())
