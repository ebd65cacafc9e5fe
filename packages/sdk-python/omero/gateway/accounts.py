"""Who the script runs as: ``conn.getUser()``, ``conn.getEventContext()``, ``conn.getGroupFromContext()``
(from the job session: the launching user in the launching group)."""
from ._unsupported import Unsupported


class ExperimenterWrapper(Unsupported):
    def __init__(self, data):
        self._data = data

    def getId(self):
        return self._data["id"]

    def getName(self):
        """The user name (OMERO's omeName)."""
        return self._data["username"]

    def getOmeName(self):
        return self._data["username"]

    def getFullName(self):
        return self._data.get("fullName") or self._data["username"]

    def getFirstName(self):
        return (self._data.get("fullName") or "").split(" ")[0]

    def getLastName(self):
        parts = (self._data.get("fullName") or "").split(" ", 1)
        return parts[1] if len(parts) > 1 else ""

    def getEmail(self):
        return self._data.get("email") or ""

    def isAdmin(self):
        return bool(self._data.get("isAdmin"))


class ExperimenterGroupWrapper(Unsupported):
    def __init__(self, data):
        self._data = data

    def getId(self):
        return self._data["id"]

    def getName(self):
        return self._data["name"]


class EventContext(object):
    """``userId``, ``userName``, ``groupId``, ``groupName``, ``isAdmin``, ``memberOfGroups``, ``leaderOfGroups``."""

    def __init__(self, session):
        user = session["user"]
        groups = user.get("groups", [])
        current = next((g for g in groups if g["id"] == session.get("groupId")), None)
        self.userId = user["id"]
        self.userName = user["username"]
        self.groupId = session.get("groupId")
        self.groupName = current["name"] if current else None
        self.isAdmin = bool(user.get("isAdmin"))
        self.memberOfGroups = [g["id"] for g in groups]
        self.leaderOfGroups = [g["id"] for g in groups if g.get("isOwner")]

    def __repr__(self):
        return "EventContext(userName=%r, groupName=%r)" % (self.userName, self.groupName)


def current_group(session):
    groups = session["user"].get("groups", [])
    found = next((g for g in groups if g["id"] == session.get("groupId")), None)
    return ExperimenterGroupWrapper(found or {"id": session.get("groupId"), "name": None})
