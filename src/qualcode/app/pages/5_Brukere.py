"""Users (admins only): who may sign in, in which role; add, change role, new password, remove."""

import streamlit as st

from qualcode.app.common import md, page
from qualcode.app.login import may_manage_users, text
from qualcode.store.users import UserError, add_user, list_users, remove_user, set_password, set_role
from qualcode.store.values import Role

ready = page("users", needs_setup=False)
if ready:
    proj, _, _ = ready
    if not may_manage_users():
        st.info(text("users_admins_only"))
        st.stop()
    if "users_flash" in st.session_state:
        st.success(md(st.session_state.pop("users_flash")))
    roles = [r.value for r in Role]

    def act(call, *args) -> None:
        try:
            call(proj, *args)
            st.session_state.users_flash = text("done")
        except UserError as exc:
            st.session_state.users_flash = f"⚠ {exc}"

    users = list_users(proj)
    if not users:
        st.caption(text("no_users"))
    for user in users:
        name_col, role_col, password_col, remove_col = st.columns([2, 2, 3, 1])
        name_col.markdown(f"**{md(user.name)}**")  # a name in a project file from elsewhere is shown as typed
        chosen = role_col.selectbox(text("role"), roles, index=roles.index(user.role.value), key=f"role_{user.name}",
                                    format_func=lambda r: text("role_" + r), label_visibility="collapsed")
        if chosen != user.role.value:
            act(set_role, user.name, chosen)
            st.rerun()
        with password_col.popover(text("set_password")):
            new = st.text_input(text("new_password"), type="password", key=f"password_{user.name}")
            st.button(text("set_password"), key=f"set_password_{user.name}", on_click=act, args=(set_password, user.name, new))
        remove_col.button(text("remove_user"), key=f"remove_{user.name}", on_click=act, args=(remove_user, user.name))
    with st.form("add_user", clear_on_submit=True):
        st.subheader(text("add_user"))
        a, b, c = st.columns(3)
        name = a.text_input(text("user"), key="new_user_name")
        role = b.selectbox(text("role"), roles, index=roles.index("coder"), format_func=lambda r: text("role_" + r),
                           key="new_user_role")
        password = c.text_input(text("password"), type="password", key="new_user_password")
        if st.form_submit_button(text("add_user")):
            act(add_user, name.strip(), password, role)
            st.rerun()
