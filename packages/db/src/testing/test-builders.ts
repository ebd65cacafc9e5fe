/** Builders for test data: each call makes a new row with a unique name and sensible defaults. */
import type { GroupPermissions } from "@fovea/model";
import type {
  ChannelRecord, ContainerRecord, GroupRecord, ImageRecord, NewImage, Ownership, Repositories, UserRecord,
  VisibilityScope,
} from "@fovea/core";

/** See createBuilders. */
export interface Builders {
  user(username?: string): Promise<UserRecord>;
  group(permissions?: GroupPermissions, name?: string): Promise<GroupRecord>;
  project(owner: Ownership, name?: string): Promise<ContainerRecord>;
  dataset(owner: Ownership, name?: string): Promise<ContainerRecord>;
  image(owner: Ownership, overrides?: Partial<NewImage>): Promise<ImageRecord>;
}

/** A channel record with defaults, for image builders and expectations. */
export function channel(index: number, overrides: Partial<ChannelRecord> = {}): ChannelRecord {
  return {
    index, name: `ch${index}`, color: "00FF00", emissionWavelength: 520.5, windowStart: 0, windowEnd: 255,
    min: 0, max: 4095, ...overrides,
  };
}

export function createBuilders(repos: Repositories): Builders {
  let n = 0;
  const next = (prefix: string) => `${prefix}-${++n}`;
  return {
    user: (username) => repos.users.insert({
      username: username ?? next("user"), fullName: "Test User", email: "t@example.org", passwordHash: "hash",
      isAdmin: false, privileges: [],
    }),
    group: (permissions = "read-only", name) =>
      repos.groups.insert({ name: name ?? next("group"), description: "", permissions }),
    project: (o, name) => repos.containers.insert("project", { ...ownerOf(o), name: name ?? next("project"), description: "" }),
    dataset: (o, name) => repos.containers.insert("dataset", { ...ownerOf(o), name: name ?? next("dataset"), description: "" }),
    image: (o, overrides = {}) => repos.containers.insertImage({
      ...ownerOf(o), name: next("image"), description: "", sizeX: 64, sizeY: 32, sizeZ: 1, sizeC: 2, sizeT: 1,
      pixelType: "uint16", physicalSizeX: 0.325, physicalSizeY: 0.325, physicalSizeZ: null, physicalSizeUnit: "µm",
      timeIncrement: null, format: "OME-TIFF", storeKey: null, acquisitionDate: null,
      channels: [channel(0), channel(1, { color: "FF00FF" })], ...overrides,
    }),
  };
}

/** Only the ownership fields, so a whole record can be passed as the owner. */
function ownerOf(o: Ownership): Ownership {
  return { ownerId: o.ownerId, groupId: o.groupId };
}

/** The ownership of rows `user` creates in `group`. */
export function ownedBy(user: UserRecord, group: GroupRecord): Ownership {
  return { ownerId: user.id, groupId: group.id };
}

/** The scope of an administrator. */
export const SEE_ALL: VisibilityScope = { all: true };

/** A non-admin scope: whole groups, own-rows-only groups. */
export function scope(userId: number, wholeGroups: number[], ownGroups: number[]): VisibilityScope {
  return { all: false, userId, wholeGroups, ownGroups };
}

/** A page big enough for every test's rows. */
export const FIRST_PAGE = { limit: 100, offset: 0 } as const;
