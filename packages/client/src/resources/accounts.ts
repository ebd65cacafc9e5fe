/** Users and groups (`/users`, `/groups`): administration and group membership. */
import type { Transport } from "../transport.ts";
import type {
  AddMemberRequest, CreateGroupRequest, CreateUserRequest, GroupDto, Page, PageQuery, UpdateGroupRequest,
  UpdateUserRequest, UserDto,
} from "../types.ts";

export class UsersApi {
  readonly #http: Transport;
  constructor(http: Transport) {
    this.#http = http;
  }

  list(page: PageQuery = {}): Promise<Page<UserDto>> {
    return this.#http.json("GET", "/users", { query: { ...page } });
  }
  /** Administrators only. `groups` holds ids or names; the first becomes the default group. */
  create(body: CreateUserRequest): Promise<UserDto> {
    return this.#http.json("POST", "/users", { body });
  }
  get(id: number): Promise<UserDto> {
    return this.#http.json("GET", `/users/${id}`);
  }
  update(id: number, body: UpdateUserRequest): Promise<UserDto> {
    return this.#http.json("PATCH", `/users/${id}`, { body });
  }
}

export class GroupsApi {
  readonly #http: Transport;
  constructor(http: Transport) {
    this.#http = http;
  }

  list(page: PageQuery = {}): Promise<Page<GroupDto>> {
    return this.#http.json("GET", "/groups", { query: { ...page } });
  }
  create(body: CreateGroupRequest): Promise<GroupDto> {
    return this.#http.json("POST", "/groups", { body });
  }
  get(id: number): Promise<GroupDto> {
    return this.#http.json("GET", `/groups/${id}`);
  }
  update(id: number, body: UpdateGroupRequest): Promise<GroupDto> {
    return this.#http.json("PATCH", `/groups/${id}`, { body });
  }
  /** `user` is an id or a username; `owner` makes the user a group owner. Returns the group. */
  addMember(groupId: number, body: AddMemberRequest): Promise<GroupDto> {
    return this.#http.json("POST", `/groups/${groupId}/members`, { body });
  }
  removeMember(groupId: number, userId: number): Promise<void> {
    return this.#http.json("DELETE", `/groups/${groupId}/members/${userId}`);
  }
}
