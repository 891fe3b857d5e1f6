"""The screens: reading (one article), library, help, and the open-a-source dialog."""
